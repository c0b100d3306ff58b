/* vmahog.c - make N separate VMAs (alternating protections, so none can
 * merge), say "ready" on stdout, then wait to be killed.  For the 60,000-VMA
 * test and scripts/bench/vma.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	long n = argc > 1 ? atol(argv[1]) : 60000;
	size_t page = (size_t)sysconf(_SC_PAGESIZE);
	char *base;

	if (n <= 0) {
		fprintf(stderr, "usage: vmahog N\n");
		return 2;
	}
	/* N pages, every second one read-only: each mprotect splits a run
	 * into three, so N/2 calls make N VMAs.
	 */
	base = mmap(NULL, (size_t)n * page, PROT_READ | PROT_WRITE,
		    MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	if (base == MAP_FAILED) {
		perror("vmahog: mmap");
		return 1;
	}
	for (long i = 0; i < n; i += 2) {
		if (mprotect(base + (size_t)i * page, page, PROT_READ)) {
			perror("vmahog: mprotect");
			return 1;
		}
	}
	printf("ready\n");
	fflush(stdout);
	for (;;)
		pause();
}
