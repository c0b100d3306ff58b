/* pagehog.c - map SIZE MiB of private anonymous memory in small pages,
 * write every page, print "START END" (hex) and "ready" on stdout, then
 * wait to be killed.  For scripts/bench/pages.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	long mib = argc > 1 ? atol(argv[1]) : 1024;
	size_t len = (size_t)mib << 20;
	char *base;

	if (mib <= 0) {
		fprintf(stderr, "usage: pagehog MIB\n");
		return 2;
	}
	base = mmap(NULL, len, PROT_READ | PROT_WRITE,
		    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (base == MAP_FAILED) {
		perror("pagehog: mmap");
		return 1;
	}
	/* one PTE per page, as a process's heap mostly is */
	madvise(base, len, MADV_NOHUGEPAGE);
	memset(base, 1, len);
	printf("0x%lx 0x%lx\nready\n", (unsigned long)base,
	       (unsigned long)(base + len));
	fflush(stdout);
	for (;;)
		pause();
}
