/* pagemap_reader.c - what a tool without ptinspect reads to list a range
 * of a process's pages: /proc/PID/pagemap for the entries, then
 * /proc/kpagecount and /proc/kpageflags for each present frame.  One
 * line per page (address, pfn or swap, map count, flags), as
 * `ptinspect pages` prints one.  For scripts/bench/pages; as root.
 * Usage: pagemap_reader PID START END   (hex addresses)
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#define PM_PFN_MASK	((1ULL << 55) - 1)
#define PM_SWAP		(1ULL << 62)
#define PM_PRESENT	(1ULL << 63)
#define BATCH		512	/* pagemap entries per read: one PTE table */

static int open_or_die(const char *path)
{
	int fd = open(path, O_RDONLY);

	if (fd < 0) {
		perror(path);
		exit(1);
	}
	return fd;
}

int main(int argc, char **argv)
{
	unsigned long page = (unsigned long)sysconf(_SC_PAGESIZE);
	unsigned long start, end;
	uint64_t entries[BATCH];
	int pagemap, counts, flags;
	char path[64];

	if (argc != 4) {
		fprintf(stderr, "usage: pagemap_reader PID START END\n");
		return 2;
	}
	start = strtoul(argv[2], NULL, 16);
	end = strtoul(argv[3], NULL, 16);
	snprintf(path, sizeof(path), "/proc/%s/pagemap", argv[1]);
	pagemap = open_or_die(path);
	counts = open_or_die("/proc/kpagecount");
	flags = open_or_die("/proc/kpageflags");
	printf("addr pfn mapcount flags\n");
	for (unsigned long a = start; a < end; a += BATCH * page) {
		size_t want = (end - a) / page < BATCH ? (end - a) / page : BATCH;
		ssize_t got = pread(pagemap, entries, want * 8, (off_t)(a / page * 8));

		if (got <= 0)
			break;
		for (size_t i = 0; i < (size_t)got / 8; i++) {
			uint64_t e = entries[i], pfn = e & PM_PFN_MASK, n = 0, f = 0;

			if (!(e & (PM_PRESENT | PM_SWAP)))
				continue;
			if (e & PM_PRESENT) {
				if (pread(counts, &n, 8, (off_t)(pfn * 8)) != 8 ||
				    pread(flags, &f, 8, (off_t)(pfn * 8)) != 8)
					n = f = 0;
			}
			printf("0x%lx 0x%" PRIx64 " %" PRIu64 " 0x%" PRIx64 "\n",
			       a + i * page, pfn, n, f);
		}
	}
	return 0;
}
