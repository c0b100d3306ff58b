/* procmap_query.c - list a process's VMAs through the PROCMAP_QUERY ioctl
 * of /proc/PID/maps (6.11+), one maps-like line each, for bench/vma to
 * time beside maps and ptinspect.  Built against the 7.x root's uapi
 * linux/fs.h when there is one (Debian 12's lacks the ioctl).
 * Usage: procmap_query PID; exits 3 if the headers or the kernel lack it.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include <linux/fs.h>

#define NO_PROCMAP_QUERY 3

int main(int argc, char **argv)
{
	char path[64];
	int fd;

	if (argc != 2) {
		fputs("usage: procmap_query PID\n", stderr);
		return 2;
	}
	snprintf(path, sizeof(path), "/proc/%s/maps", argv[1]);
	fd = open(path, O_RDONLY);
	if (fd < 0) {
		perror(path);
		return 1;
	}
#ifdef PROCMAP_QUERY
	static char name[4096];
	unsigned long long addr = 0, n = 0;

	for (;;) {
		struct procmap_query q = {
			.size = sizeof(q),
			.query_flags = PROCMAP_QUERY_COVERING_OR_NEXT_VMA,
			.query_addr = addr,
			.vma_name_addr = (unsigned long long)(unsigned long)name,
			.vma_name_size = sizeof(name),
		};

		if (ioctl(fd, PROCMAP_QUERY, &q)) {
			if (errno == ENOENT)
				break;
			if (errno == ENOTTY || errno == EINVAL) {
				fputs("procmap_query: this kernel has no PROCMAP_QUERY\n", stderr);
				return NO_PROCMAP_QUERY;
			}
			perror("PROCMAP_QUERY");
			return 1;
		}
		printf("%llx-%llx %c%c%c%c %08llx %02x:%02x %llu %s\n",
		       (unsigned long long)q.vma_start, (unsigned long long)q.vma_end,
		       q.vma_flags & PROCMAP_QUERY_VMA_READABLE ? 'r' : '-',
		       q.vma_flags & PROCMAP_QUERY_VMA_WRITABLE ? 'w' : '-',
		       q.vma_flags & PROCMAP_QUERY_VMA_EXECUTABLE ? 'x' : '-',
		       q.vma_flags & PROCMAP_QUERY_VMA_SHARED ? 's' : 'p',
		       (unsigned long long)q.vma_offset, q.dev_major, q.dev_minor,
		       (unsigned long long)q.inode, q.vma_name_size ? name : "");
		addr = q.vma_end;
		n++;
	}
	close(fd);
	return n ? 0 : 1;
#else
	close(fd);
	fputs("procmap_query: built without PROCMAP_QUERY (headers before 6.11)\n",
	      stderr);
	return NO_PROCMAP_QUERY;
#endif
}
