// SPDX-License-Identifier: GPL-2.0
/*
 * pages_test - /proc/ptinspect/pages and `ptinspect pages` against the
 * kernel's own views of the same page tables: /proc/PID/pagemap,
 * /proc/kpagecount and /proc/kpageflags, on mappings this test makes:
 * written, read-only (the zero page), file-backed, copy-on-write shared
 * with a forked child and then broken, soft-dirty after clear_refs, and a
 * transparent huge page where the kernel gives one.
 *
 * Run as root with the module loaded.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <elf.h>
#include <linux/capability.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "harness.h"
#include "knob.h"

#define PAGES "/proc/ptinspect/pages"
#define MAX_ROWS 65536

/* pagemap's bits (Documentation/admin-guide/mm/pagemap.rst) */
#define PM_PFN_MASK		((1ULL << 55) - 1)
#define PM_SOFT_DIRTY		(1ULL << 55)
#define PM_MMAP_EXCLUSIVE	(1ULL << 56)
#define PM_FILE			(1ULL << 61)
#define PM_SWAP			(1ULL << 62)
#define PM_PRESENT		(1ULL << 63)
/* kpageflags' bits */
#define KPF_ANON		12
#define KPF_KSM			21
#define KPF_THP			22
#define KPF_ZERO_PAGE		24

struct row {
	unsigned long long addr, size, pfn, swap_offset, swap_type;
	char level[8], state[16], kind[16];
	int write, dirty, young, soft_dirty, mapcount, anon_exclusive, thp;
};

struct rows {
	struct row *r;
	size_t n;
};

static long page_size;

/* The header's names in order, for finding each value by name. */
struct layout {
	char names[32][32];
	int n;
};

static int field_index(const struct layout *l, const char *name)
{
	for (int i = 0; i < l->n; i++)
		if (!strcmp(l->names[i], name))
			return i;
	return -1;
}

/* Split @line at spaces into at most @max words, in place; their count. */
static int split_fields(char *line, char **f, int max)
{
	char *save = NULL;
	int n = 0;

	for (char *t = strtok_r(line, " \n", &save); t && n < max;
	     t = strtok_r(NULL, " \n", &save))
		f[n++] = t;
	return n;
}

/* A header line's column names, in order. */
static void read_header(char *line, struct layout *l)
{
	char *f[32];

	l->n = split_fields(line, f, 32);
	for (int i = 0; i < l->n; i++)
		snprintf(l->names[i], sizeof(l->names[0]), "%s", f[i]);
}

static void parse_row(const struct layout *l, char *line, struct row *r)
{
	char *f[32];
	int n = split_fields(line, f, 32);

	memset(r, 0, sizeof(*r));
#define NUM(name, dst) do { int i = field_index(l, name); \
		if (i >= 0 && i < n) dst = strtoull(f[i], NULL, 0); } while (0)
#define STR(name, dst) do { int i = field_index(l, name); \
		if (i >= 0 && i < n) snprintf(dst, sizeof(dst), "%s", f[i]); } while (0)
	NUM("addr", r->addr);
	NUM("size", r->size);
	NUM("pfn", r->pfn);
	NUM("swap_offset", r->swap_offset);
	NUM("swap_type", r->swap_type);
	NUM("write", r->write);
	NUM("dirty", r->dirty);
	NUM("young", r->young);
	NUM("soft_dirty", r->soft_dirty);
	NUM("anon_exclusive", r->anon_exclusive);
	NUM("thp", r->thp);
	{
		int i = field_index(l, "mapcount");

		if (i >= 0 && i < n)
			r->mapcount = atoi(f[i]);
	}
	STR("level", r->level);
	STR("state", r->state);
	STR("kind", r->kind);
#undef NUM
#undef STR
}

/* Every row for @pid in [start, end), read with read(2)s of @chunk bytes. */
static int load(pid_t pid, unsigned long start, unsigned long end,
		size_t chunk, struct rows *out, char **text)
{
	size_t cap = 1 << 16, len = 0;
	char *buf = malloc(cap), cmd[96], *line, *save = NULL;
	struct layout l = { .n = 0 };
	int fd = open(PAGES, O_RDWR);
	ssize_t got;

	if (fd < 0 || !buf)
		return -1;
	snprintf(cmd, sizeof(cmd), "%d 0x%lx 0x%lx", pid, start, end);
	if (write(fd, cmd, strlen(cmd)) < 0) {
		int e = errno;

		close(fd);
		free(buf);
		errno = e;
		return -1;
	}
	for (;;) {
		if (cap - len < chunk + 1) {
			cap *= 2;
			buf = realloc(buf, cap);
		}
		got = read(fd, buf + len, chunk);
		if (got <= 0)
			break;
		len += (size_t)got;
	}
	close(fd);
	if (got < 0) {
		free(buf);
		return -1;
	}
	buf[len] = '\0';
	if (text)
		*text = strdup(buf);
	out->r = calloc(MAX_ROWS, sizeof(*out->r));
	out->n = 0;
	line = strtok_r(buf, "\n", &save);
	if (line)
		read_header(line, &l);
	while ((line = strtok_r(NULL, "\n", &save)) && out->n < MAX_ROWS)
		parse_row(&l, line, &out->r[out->n++]);
	free(buf);
	return 0;
}

static const struct row *row_at(const struct rows *rs, unsigned long addr)
{
	for (size_t i = 0; i < rs->n; i++)
		if (addr >= rs->r[i].addr && addr < rs->r[i].addr + rs->r[i].size)
			return &rs->r[i];
	return NULL;
}

static uint64_t read_u64(const char *path, uint64_t index)
{
	int fd = open(path, O_RDONLY);
	uint64_t v = 0;

	if (fd >= 0) {
		if (pread(fd, &v, sizeof(v), (off_t)(index * 8)) != sizeof(v))
			v = 0;
		close(fd);
	}
	return v;
}

static uint64_t pagemap(pid_t pid, unsigned long addr)
{
	char path[64];

	snprintf(path, sizeof(path), "/proc/%d/pagemap", pid);
	return read_u64(path, addr / (unsigned long)page_size);
}

/* VMAs of @pid whose VmFlags (smaps) have sd: VM_SOFTDIRTY. */
struct sd_vmas {
	unsigned long start[4096], end[4096];
	int n;
};

static void load_sd_vmas(pid_t pid, struct sd_vmas *v)
{
	char path[64], line[512];
	unsigned long s = 0, e = 0;
	FILE *f;

	v->n = 0;
	snprintf(path, sizeof(path), "/proc/%d/smaps", pid);
	f = fopen(path, "r");
	if (!f)
		return;
	while (fgets(line, sizeof(line), f)) {
		if (sscanf(line, "%lx-%lx ", &s, &e) == 2 && strchr(line, '-') <
		    strchr(line, ' '))
			continue;
		if (!strncmp(line, "VmFlags:", 8) && strstr(line, " sd") &&
		    v->n < 4096) {
			v->start[v->n] = s;
			v->end[v->n++] = e;
		}
	}
	fclose(f);
}

static bool vma_soft_dirty(const struct sd_vmas *v, unsigned long addr)
{
	for (int i = 0; i < v->n; i++)
		if (addr >= v->start[i] && addr < v->end[i])
			return true;
	return false;
}

/*
 * Each row against pagemap, and each small normal page against
 * kpagecount and kpageflags; every page pagemap shows as present or
 * swapped in [start, end) must have a row.  Returns the mismatches.
 */
static int check_against_kernel(struct __test_metadata *_metadata, pid_t pid,
				const struct rows *rs, unsigned long start,
				unsigned long end)
{
	static struct sd_vmas sd;
	int bad = 0;

	load_sd_vmas(pid, &sd);
	for (size_t i = 0; i < rs->n; i++) {
		const struct row *r = &rs->r[i];
		unsigned long a = r->addr < start ? start : r->addr;
		uint64_t pm = pagemap(pid, a), flags;
		bool present = !strcmp(r->state, "present");

		if (!!(pm & PM_PRESENT) != present ||
		    !!(pm & PM_SWAP) != !strcmp(r->state, "swap")) {
			TH_LOG("0x%lx: %s, pagemap 0x%llx", a, r->state,
			       (unsigned long long)pm);
			bad++;
			continue;
		}
		/* pagemap adds the VMA's VM_SOFTDIRTY to the entry's own bit */
		if (!!(pm & PM_SOFT_DIRTY) != (r->soft_dirty || vma_soft_dirty(&sd, a))) {
			TH_LOG("0x%lx: soft_dirty %d, pagemap 0x%llx", a,
			       r->soft_dirty, (unsigned long long)pm);
			bad++;
		}
		if (!present)
			continue;
		if (strcmp(r->level, "pte") == 0 &&
		    r->pfn + (a - r->addr) / page_size != (pm & PM_PFN_MASK)) {
			TH_LOG("0x%lx: pfn 0x%llx, pagemap 0x%llx", a, r->pfn,
			       (unsigned long long)(pm & PM_PFN_MASK));
			bad++;
		}
		if (!strcmp(r->level, "pte") &&
		    !!(pm & PM_FILE) != (!strcmp(r->kind, "file") ||
					 !strcmp(r->kind, "other"))) {
			TH_LOG("0x%lx: kind %s, pagemap 0x%llx", a, r->kind,
			       (unsigned long long)pm);
			bad++;
		}
		if (r->mapcount < 0 || r->thp)
			continue;
		/* a small normal page: its map count, as kpagecount has it */
		if (!!(pm & PM_MMAP_EXCLUSIVE) != (r->mapcount == 1) ||
		    read_u64("/proc/kpagecount", r->pfn) != (uint64_t)r->mapcount) {
			TH_LOG("0x%lx: mapcount %d, pagemap 0x%llx, kpagecount %llu",
			       a, r->mapcount, (unsigned long long)pm,
			       (unsigned long long)read_u64("/proc/kpagecount", r->pfn));
			bad++;
		}
		flags = read_u64("/proc/kpageflags", r->pfn);
		/*
		 * A KSM page has KPF_KSM; the reverse does not hold on every
		 * kernel: 6.12's kpageflags tests mapping & PAGE_MAPPING_KSM,
		 * which is true for every anonymous page.
		 */
		if (!!(flags & (1ULL << KPF_ANON)) != (!strcmp(r->kind, "anon") ||
						       !strcmp(r->kind, "ksm")) ||
		    (!strcmp(r->kind, "ksm") && !(flags & (1ULL << KPF_KSM))) ||
		    !!(flags & (1ULL << KPF_THP)) != r->thp) {
			TH_LOG("0x%lx: kind %s thp %d, kpageflags 0x%llx", a,
			       r->kind, r->thp, (unsigned long long)flags);
			bad++;
		}
	}
	for (unsigned long a = start; a < end; a += page_size) {
		uint64_t pm = pagemap(pid, a);

		if ((pm & (PM_PRESENT | PM_SWAP)) && !row_at(rs, a)) {
			TH_LOG("0x%lx: in pagemap (0x%llx), no row", a,
			       (unsigned long long)pm);
			bad++;
		}
	}
	return bad;
}

#define NPAGES 64

FIXTURE(region) {
	char *anon;		/* NPAGES: even pages written, odd pages read */
	char *file;		/* NPAGES of a shared file mapping, half read */
	char path[64];
};

FIXTURE_SETUP(region)
{
	volatile char sink;
	int fd;

	page_size = sysconf(_SC_PAGESIZE);
	if (access(PAGES, R_OK))
		SKIP(return, "no " PAGES " (module not loaded?)");
	self->anon = mmap(NULL, NPAGES * page_size, PROT_READ | PROT_WRITE,
			  MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	ASSERT_NE(MAP_FAILED, self->anon);
	/* no huge page here: every entry a PTE */
	madvise(self->anon, NPAGES * page_size, MADV_NOHUGEPAGE);
	for (int i = 0; i < NPAGES; i++) {
		if (i % 2 == 0)
			self->anon[i * page_size] = (char)i;
		else
			sink = self->anon[i * page_size];
	}
	snprintf(self->path, sizeof(self->path), "/tmp/pages_test.%d", getpid());
	fd = open(self->path, O_RDWR | O_CREAT | O_TRUNC, 0600);
	ASSERT_LE(0, fd);
	ASSERT_EQ(0, ftruncate(fd, NPAGES * page_size));
	self->file = mmap(NULL, NPAGES * page_size, PROT_READ | PROT_WRITE,
			  MAP_SHARED, fd, 0);
	close(fd);
	ASSERT_NE(MAP_FAILED, self->file);
	for (int i = 0; i < NPAGES / 2; i++)
		sink = self->file[i * page_size];
	(void)sink;
}

FIXTURE_TEARDOWN(region)
{
	if (self->anon)
		munmap(self->anon, NPAGES * page_size);
	if (self->file)
		munmap(self->file, NPAGES * page_size);
	if (self->path[0])
		unlink(self->path);
}

/* Written pages are private anon, read-only ones the shared zero page. */
TEST_F(region, anon_and_zero_pages_match_pagemap)
{
	unsigned long start = (unsigned long)self->anon;
	unsigned long end = start + NPAGES * page_size;
	struct rows rs;

	ASSERT_EQ(0, load(getpid(), start, end, 65536, &rs, NULL));
	EXPECT_EQ(NPAGES, (int)rs.n);
	for (int i = 0; i < NPAGES; i++) {
		const struct row *r = row_at(&rs, start + i * page_size);

		ASSERT_NE(NULL, r) TH_LOG("page %d has no row", i);
		EXPECT_STREQ("pte", r->level);
		EXPECT_STREQ("present", r->state);
		EXPECT_EQ((unsigned long long)page_size, r->size);
		if (i % 2 == 0) {
			EXPECT_STREQ("anon", r->kind);
			EXPECT_EQ(1, r->write);
			EXPECT_EQ(1, r->dirty);
			EXPECT_EQ(1, r->mapcount);
			EXPECT_EQ(1, r->anon_exclusive);
		} else {
			EXPECT_STREQ("zero", r->kind);
			EXPECT_EQ(0, r->write);
			EXPECT_EQ(-1, r->mapcount);
			EXPECT_NE(0, read_u64("/proc/kpageflags", r->pfn) &
					     (1ULL << KPF_ZERO_PAGE));
		}
	}
	EXPECT_EQ(0, check_against_kernel(_metadata, getpid(), &rs, start, end));
	free(rs.r);
}

/* A shared file mapping: the pages read are the file's, the rest absent. */
TEST_F(region, file_pages_match_pagemap)
{
	unsigned long start = (unsigned long)self->file;
	unsigned long end = start + NPAGES * page_size;
	struct rows rs;

	ASSERT_EQ(0, load(getpid(), start, end, 65536, &rs, NULL));
	EXPECT_LE(NPAGES / 2, (int)rs.n);	/* readahead may map more */
	for (int i = 0; i < NPAGES / 2; i++) {
		const struct row *r = row_at(&rs, start + i * page_size);

		ASSERT_NE(NULL, r) TH_LOG("page %d has no row", i);
		EXPECT_STREQ("file", r->kind);
		EXPECT_EQ(0, r->anon_exclusive);
	}
	EXPECT_EQ(0, check_against_kernel(_metadata, getpid(), &rs, start, end));
	free(rs.r);
}

/*
 * Copy-on-write: after fork both map the same frames write-protected,
 * twice counted; the child's write copies one page (a new frame of its
 * own, writable) and leaves the parent's entry write-protected with the
 * old frame now mapped once.
 */
TEST_F(region, fork_shares_frames_until_a_write_copies_one)
{
	unsigned long start = (unsigned long)self->anon;
	unsigned long end = start + NPAGES * page_size;
	int go[2], done[2];
	struct rows parent, child, after, parent_after;
	pid_t kid;
	char c;

	ASSERT_EQ(0, pipe(go));
	ASSERT_EQ(0, pipe(done));
	kid = fork();
	ASSERT_LE(0, kid);
	if (kid == 0) {
		if (read(go[0], &c, 1) != 1)
			_exit(1);
		self->anon[0] = 'x';	/* break COW on page 0 */
		if (write(done[1], "d", 1) != 1)
			_exit(1);
		pause();
		_exit(0);
	}
	ASSERT_EQ(0, load(getpid(), start, end, 65536, &parent, NULL));
	ASSERT_EQ(0, load(kid, start, end, 65536, &child, NULL));
	for (int i = 0; i < NPAGES; i += 2) {
		const struct row *p = row_at(&parent, start + i * page_size);
		const struct row *k = row_at(&child, start + i * page_size);

		ASSERT_NE(NULL, p);
		ASSERT_NE(NULL, k);
		EXPECT_EQ(p->pfn, k->pfn) TH_LOG("page %d", i);
		EXPECT_EQ(0, p->write);
		EXPECT_EQ(0, k->write);
		EXPECT_EQ(2, p->mapcount);
		EXPECT_EQ(0, p->anon_exclusive);
		EXPECT_EQ(0, k->anon_exclusive);
	}
	EXPECT_EQ(0, check_against_kernel(_metadata, kid, &child, start, end));
	ASSERT_EQ(1, write(go[1], "g", 1));
	ASSERT_EQ(1, read(done[0], &c, 1));
	ASSERT_EQ(0, load(kid, start, end, 65536, &after, NULL));
	ASSERT_EQ(0, load(getpid(), start, end, 65536, &parent_after, NULL));
	{
		const struct row *k = row_at(&after, start);
		const struct row *p = row_at(&parent_after, start);
		const struct row *p0 = row_at(&parent, start);

		ASSERT_NE(NULL, k);
		ASSERT_NE(NULL, p);
		EXPECT_NE(p0->pfn, k->pfn);
		EXPECT_EQ(p0->pfn, p->pfn);
		EXPECT_EQ(1, k->write);
		EXPECT_EQ(1, k->mapcount);
		EXPECT_EQ(1, k->anon_exclusive);
		EXPECT_EQ(0, p->write);
		EXPECT_EQ(1, p->mapcount);
	}
	EXPECT_EQ(0, check_against_kernel(_metadata, kid, &after, start, end));
	EXPECT_EQ(0, check_against_kernel(_metadata, getpid(), &parent_after,
					  start, end));
	kill(kid, SIGKILL);
	waitpid(kid, NULL, 0);
	free(parent.r);
	free(child.r);
	free(after.r);
	free(parent_after.r);
}

/* clear_refs 4 clears soft-dirty bits; a write sets its page's again. */
TEST_F(region, soft_dirty_follows_clear_refs)
{
	unsigned long start = (unsigned long)self->anon;
	unsigned long end = start + NPAGES * page_size;
	struct rows rs;
	int fd = open("/proc/self/clear_refs", O_WRONLY);

	ASSERT_LE(0, fd);
	ASSERT_EQ(1, write(fd, "4", 1));
	close(fd);
	self->anon[2 * page_size] = 'w';
	ASSERT_EQ(0, load(getpid(), start, end, 65536, &rs, NULL));
	EXPECT_EQ(1, row_at(&rs, start + 2 * page_size)->soft_dirty);
	EXPECT_EQ(0, row_at(&rs, start + 4 * page_size)->soft_dirty);
	EXPECT_EQ(0, check_against_kernel(_metadata, getpid(), &rs, start, end));
	free(rs.r);
}

/*
 * A short read resumes at an address: any buffer size gives the same
 * text, for a whole address space that holds still (a paused child's).
 */
TEST_F(region, reads_of_any_size_give_the_same_text)
{
	static const size_t chunks[] = { 1, 7, 100, 4096, 1 << 20 };
	unsigned long top = 0x7ffffffff000UL;
	struct rows rs;
	char *whole, *text;
	pid_t kid = fork();

	ASSERT_LE(0, kid);
	if (kid == 0) {
		pause();
		_exit(0);
	}
	usleep(100000);
	ASSERT_EQ(0, load(kid, 0, top, 1 << 20, &rs, &whole));
	EXPECT_LT(NPAGES, (int)rs.n);
	free(whole);
	for (size_t i = 0; i < sizeof(chunks) / sizeof(chunks[0]); i++) {
		struct rows again;

		ASSERT_EQ(0, load(kid, 0, top, chunks[i], &again, &text));
		/* ones the child does not own (other mappers, reclaim) may move */
		ASSERT_EQ(rs.n, again.n) TH_LOG("read(%zu)", chunks[i]);
		for (size_t r = 0; r < rs.n; r++) {
			again.r[r].mapcount = rs.r[r].mapcount;
			again.r[r].young = rs.r[r].young;
			EXPECT_EQ(0, memcmp(&rs.r[r], &again.r[r], sizeof(rs.r[r])))
				TH_LOG("read(%zu): row %zu (0x%llx) differs",
				       chunks[i], r, rs.r[r].addr);
		}
		free(text);
		free(again.r);
	}
	free(rs.r);
	kill(kid, SIGKILL);
	waitpid(kid, NULL, 0);
}

/* Without CAP_SYS_ADMIN at open, frames are 0, as pagemap hides them. */
TEST_F(region, frames_need_cap_sys_admin)
{
	unsigned long start = (unsigned long)self->anon;
	int status;
	pid_t kid = fork();

	ASSERT_LE(0, kid);
	if (kid == 0) {
		struct __user_cap_header_struct h = {
			.version = _LINUX_CAPABILITY_VERSION_3 };
		struct __user_cap_data_struct d[2];
		struct rows rs;
		int bad = 0;

		if (syscall(SYS_capget, &h, d))
			_exit(2);
		d[CAP_SYS_ADMIN / 32].effective &= ~(1U << (CAP_SYS_ADMIN % 32));
		if (syscall(SYS_capset, &h, d))
			_exit(2);
		if (load(getpid(), start, start + NPAGES * page_size, 65536, &rs,
			 NULL) || rs.n != NPAGES)
			_exit(3);
		for (size_t i = 0; i < rs.n; i++)
			bad += rs.r[i].pfn != 0;
		/* and pagemap agrees: no frame for this opener either */
		bad += (pagemap(getpid(), start) & PM_PFN_MASK) != 0;
		_exit(bad ? 4 : 0);
	}
	ASSERT_EQ(kid, waitpid(kid, &status, 0));
	EXPECT_EQ(0, WEXITSTATUS(status));
}

static int thp_mode(const char *mode)
{
	return knob_write("/sys/kernel/mm/transparent_hugepage/enabled", mode);
}

/* One level of /proc/ptinspect/walk, parsed by column name. */
struct step {
	char level[8], result[16];
	unsigned int shift, index;
	unsigned long long entry, pfn;
	int present, write, user, dirty, huge;
};

/* The walk for @addr of @pid: rows, or -1 with errno. */
static int walk(pid_t pid, unsigned long addr, struct step *st, int max)
{
	char cmd[64], buf[8192], *line, *save = NULL;
	struct layout l = { .n = 0 };
	int fd = open("/proc/ptinspect/walk", O_RDWR), n = 0;
	ssize_t got;

	if (fd < 0)
		return -1;
	snprintf(cmd, sizeof(cmd), "%d 0x%lx", pid, addr);
	if (write(fd, cmd, strlen(cmd)) < 0) {
		int e = errno;

		close(fd);
		errno = e;
		return -1;
	}
	got = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (got < 0)
		return -1;
	buf[got] = '\0';
	line = strtok_r(buf, "\n", &save);
	if (line)
		read_header(line, &l);
	while ((line = strtok_r(NULL, "\n", &save)) && n < max) {
		char *f[32];
		int k = split_fields(line, f, 32), i;

		memset(&st[n], 0, sizeof(st[n]));
#define W_NUM(name, dst) do { i = field_index(&l, name); \
		if (i >= 0 && i < k) dst = strtoull(f[i], NULL, 0); } while (0)
		W_NUM("shift", st[n].shift);
		W_NUM("index", st[n].index);
		W_NUM("entry", st[n].entry);
		W_NUM("pfn", st[n].pfn);
		W_NUM("present", st[n].present);
		W_NUM("write", st[n].write);
		W_NUM("user", st[n].user);
		W_NUM("dirty", st[n].dirty);
		W_NUM("huge", st[n].huge);
#undef W_NUM
		i = field_index(&l, "level");
		if (i >= 0 && i < k)
			snprintf(st[n].level, sizeof(st[n].level), "%s", f[i]);
		i = field_index(&l, "result");
		if (i >= 0 && i < k)
			snprintf(st[n].result, sizeof(st[n].result), "%s", f[i]);
		n++;
	}
	return n;
}

/*
 * Where the kernel gives a huge page, one PMD entry maps it, and the walk
 * to any of its addresses ends at that entry.
 */
TEST(huge_page_is_one_pmd_entry)
{
	size_t huge = 2UL << 20;
	char *raw, *p, mode[128] = "";
	unsigned long a;
	struct rows rs;
	const struct row *r;
	struct step st[8];
	int n, fd = open("/sys/kernel/mm/transparent_hugepage/enabled", O_RDONLY);

	page_size = sysconf(_SC_PAGESIZE);
	if (access(PAGES, R_OK))
		SKIP(return, "module not loaded");
	if (fd < 0 || read(fd, mode, sizeof(mode) - 1) <= 0) {
		if (fd >= 0)
			close(fd);
		SKIP(return, "no transparent huge pages in this kernel");
	}
	close(fd);
	/* A kernel booted with THP off gets it for madvise()d areas here. */
	if (strstr(mode, "[never]"))
		ASSERT_EQ(0, thp_mode("madvise"));
	raw = mmap(NULL, 2 * huge, PROT_READ | PROT_WRITE,
		   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	ASSERT_NE(MAP_FAILED, raw);
	p = (char *)(((unsigned long)raw + huge - 1) & ~(huge - 1));
	ASSERT_EQ(0, madvise(p, huge, MADV_HUGEPAGE));
	memset(p, 1, huge);
	a = (unsigned long)p;
	ASSERT_EQ(0, load(getpid(), a, a + huge, 65536, &rs, NULL));
	r = row_at(&rs, a);
	ASSERT_NE(NULL, r);
	if (strcmp(r->level, "pmd")) {
		/* fragmented memory: the kernel fell back to small pages */
		EXPECT_EQ(0, check_against_kernel(_metadata, getpid(), &rs, a,
						  a + huge));
		free(rs.r);
		munmap(raw, 2 * huge);
		if (strstr(mode, "[never]"))
			thp_mode("never");
		SKIP(return, "no huge page was allocated (fell back to PTEs)");
	}
	EXPECT_EQ(1, (int)rs.n);
	EXPECT_EQ((unsigned long long)huge, r->size);
	EXPECT_EQ(a, r->addr);
	EXPECT_EQ(1, r->thp);
	EXPECT_STREQ("anon", r->kind);
	EXPECT_EQ(1, r->write);
	EXPECT_EQ(r->pfn, pagemap(getpid(), a) & PM_PFN_MASK);
	EXPECT_EQ(r->pfn + 5, pagemap(getpid(), a + 5 * page_size) & PM_PFN_MASK);
	EXPECT_NE(0, read_u64("/proc/kpageflags", r->pfn) & (1ULL << KPF_THP));
	/* the walk ends at the same PMD: a huge entry naming the same frame */
	n = walk(getpid(), a + 5 * page_size, st, 8);
	ASSERT_LT(0, n);
	EXPECT_STREQ("pmd", st[n - 1].level);
	EXPECT_STREQ("huge", st[n - 1].result);
	EXPECT_EQ(1, st[n - 1].huge);
	EXPECT_EQ(r->pfn, st[n - 1].pfn);
	free(rs.r);
	munmap(raw, 2 * huge);
	if (strstr(mode, "[never]"))
		thp_mode("never");
}

/* Swap on a zram device for this case; 0, or -1 where the kernel has none. */
static int zram_swap_on(void)
{
	if (system("modprobe zram num_devices=1 > /dev/null 2>&1") ||
	    knob_write("/sys/block/zram0/disksize", "64M"))
		return -1;
	return system("mkswap /dev/zram0 > /dev/null 2>&1 && swapon /dev/zram0") ? -1 : 0;
}

static void zram_swap_off(void)
{
	if (!system("swapoff /dev/zram0 2> /dev/null"))
		knob_write("/sys/block/zram0/reset", "1");
}

/*
 * Pages paged out to swap are swap entries: not present, their swap area
 * and slot as pagemap gives them; a touch brings each back.
 */
TEST(swapped_out_pages_are_swap_entries)
{
	int n = 16, swapped = 0;
	unsigned long a;
	struct rows rs;
	char *p;

	page_size = sysconf(_SC_PAGESIZE);
	if (access(PAGES, R_OK))
		SKIP(return, "module not loaded");
	if (zram_swap_on()) {
		zram_swap_off();
		SKIP(return, "no zram swap in this kernel");
	}
	p = mmap(NULL, n * page_size, PROT_READ | PROT_WRITE,
		 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	ASSERT_NE(MAP_FAILED, p);
	for (int i = 0; i < n * page_size; i++)
		p[i] = (char)(i * 7 + i / 4096);
	a = (unsigned long)p;
	ASSERT_EQ(0, madvise(p, n * page_size, 21 /* MADV_PAGEOUT */));
	ASSERT_EQ(0, load(getpid(), a, a + n * page_size, 65536, &rs, NULL));
	for (size_t i = 0; i < rs.n; i++) {
		const struct row *r = &rs.r[i];
		uint64_t pm = pagemap(getpid(), r->addr);

		if (strcmp(r->state, "swap"))
			continue;
		swapped++;
		EXPECT_EQ(-1, r->mapcount);
		EXPECT_NE(0, pm & PM_SWAP) TH_LOG("0x%llx", r->addr);
		/* pagemap: type in bits 0-4, offset in bits 5-54 */
		EXPECT_EQ(pm & 0x1f, (uint64_t)r->swap_type);
		EXPECT_EQ((pm & PM_PFN_MASK) >> 5, r->swap_offset)
			TH_LOG("0x%llx", r->addr);
	}
	EXPECT_LT(0, swapped) TH_LOG("MADV_PAGEOUT swapped nothing out");
	EXPECT_EQ(0, check_against_kernel(_metadata, getpid(), &rs, a,
					  a + n * page_size));
	free(rs.r);
	for (int i = 0; i < n * page_size; i += page_size)
		EXPECT_EQ((char)(i * 7 + i / 4096), p[i]);
	ASSERT_EQ(0, load(getpid(), a, a + n * page_size, 65536, &rs, NULL));
	for (size_t i = 0; i < rs.n; i++)
		EXPECT_STREQ("present", rs.r[i].state);
	free(rs.r);
	munmap(p, n * page_size);
	zram_swap_off();
}

/* Move @n pages of @pid to @node with move_pages(2): 0, or -1. */
static int move_to_node(pid_t pid, void **pages, int *nodes, int *status,
			int n, int node)
{
	for (int i = 0; i < n; i++)
		nodes[i] = node;
	return syscall(SYS_move_pages, pid, (unsigned long)n, pages, nodes,
		       status, 1 << 1 /* MPOL_MF_MOVE */) < 0 ? -1 : 0;
}

/*
 * A page being migrated is mapped by a migration entry, from when the
 * kernel unmaps it until the copy is mapped back.  On a guest with two
 * NUMA nodes (scripts/check boots one), a child moves the pages of a
 * mapping back and forth between them while the view is read, until a
 * read catches an entry in that state; afterwards every page is present
 * again, as pagemap says, and its data kept.
 */
TEST(migration_entries_show_while_pages_move)
{
	int n = 4096, found = 0, reads = 0, status[4096], nodes[4096];
	void *pages[4096];
	time_t deadline;
	unsigned long a;
	struct rows rs;
	pid_t mover;
	char *p;

	page_size = sysconf(_SC_PAGESIZE);
	if (access(PAGES, R_OK))
		SKIP(return, "module not loaded");
	if (access("/sys/devices/system/node/node1/meminfo", R_OK))
		SKIP(return, "one NUMA node: nowhere to migrate to (scripts/check boots two)");
	p = mmap(NULL, n * page_size, PROT_READ | PROT_WRITE,
		 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	ASSERT_NE(MAP_FAILED, p);
	ASSERT_EQ(0, madvise(p, n * page_size, MADV_NOHUGEPAGE));
	for (int i = 0; i < n; i++) {
		memset(p + i * page_size, i & 0xff, page_size);
		pages[i] = p + i * page_size;
	}
	a = (unsigned long)p;
	ASSERT_EQ(0, move_to_node(getpid(), pages, nodes, status, n, 1))
		TH_LOG("move_pages: %s", strerror(errno));
	mover = fork();
	ASSERT_LE(0, mover);
	if (mover == 0) {
		/* let go of the child's copy: move_pages moves no shared page */
		madvise(p, n * page_size, MADV_DONTNEED);
		for (int i = 0;; i++)
			if (move_to_node(getppid(), pages, nodes, status, n, i % 2))
				_exit(1);
	}
	deadline = time(NULL) + 120;
	while (!found && time(NULL) < deadline) {
		ASSERT_EQ(0, load(getpid(), a, a + n * page_size, 65536, &rs, NULL));
		reads++;
		for (size_t i = 0; i < rs.n; i++) {
			const struct row *r = &rs.r[i];

			if (strcmp(r->state, "migration"))
				continue;
			found++;
			EXPECT_STREQ("pte", r->level);
			EXPECT_EQ((unsigned long long)page_size, r->size);
			EXPECT_LE(a, r->addr);
			EXPECT_GT(a + n * page_size, r->addr);
			EXPECT_EQ(-1, r->mapcount);
		}
		free(rs.r);
	}
	kill(mover, SIGKILL);
	waitpid(mover, NULL, 0);
	EXPECT_LT(0, found) TH_LOG("no migration entry in %d reads", reads);
	TH_LOG("%d migration entries in %d reads", found, reads);
	/* moved and back: every page present, its data kept */
	ASSERT_EQ(0, load(getpid(), a, a + n * page_size, 65536, &rs, NULL));
	EXPECT_EQ((size_t)n, rs.n);
	for (size_t i = 0; i < rs.n; i++) {
		EXPECT_STREQ("present", rs.r[i].state) TH_LOG("0x%llx", rs.r[i].addr);
	}
	EXPECT_EQ(0, check_against_kernel(_metadata, getpid(), &rs, a,
					  a + n * page_size));
	free(rs.r);
	for (int i = 0; i < n; i++)
		EXPECT_EQ((char)(i & 0xff), p[i * page_size + 7]);
	munmap(p, n * page_size);
}

#define KSM "/sys/kernel/mm/ksm/"
#define KSM_PAGES 32

/*
 * Pages of equal content that ksmd merged are one KSM frame: every one of
 * them maps the same pfn (as pagemap says), with the kind ksm, read-only,
 * a map count of all of them (as kpagecount says) and KPF_KSM.
 */
TEST(ksm_merges_equal_pages_into_one_frame)
{
	char run[16], scan[16], sleep_ms[16];
	unsigned long a;
	struct rows rs;
	int merged = 0;
	char *p;

	page_size = sysconf(_SC_PAGESIZE);
	if (access(PAGES, R_OK))
		SKIP(return, "module not loaded");
	if (access(KSM "run", W_OK))
		SKIP(return, "no KSM in this kernel");
	p = mmap(NULL, KSM_PAGES * page_size, PROT_READ | PROT_WRITE,
		 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	ASSERT_NE(MAP_FAILED, p);
	madvise(p, KSM_PAGES * page_size, MADV_NOHUGEPAGE);
	memset(p, 0x5a, KSM_PAGES * page_size);
	ASSERT_EQ(0, madvise(p, KSM_PAGES * page_size, MADV_MERGEABLE));
	ASSERT_EQ(0, knob_swap(KSM "pages_to_scan", scan, sizeof(scan), "10000"));
	ASSERT_EQ(0, knob_swap(KSM "sleep_millisecs", sleep_ms, sizeof(sleep_ms), "10"));
	ASSERT_EQ(0, knob_swap(KSM "run", run, sizeof(run), "1"));
	a = (unsigned long)p;
	/* ksmd merges on its second pass over the pages; TCG is slow */
	for (int tries = 0; tries < 600 && merged < KSM_PAGES; tries++) {
		usleep(100 * 1000);
		ASSERT_EQ(0, load(getpid(), a, a + KSM_PAGES * page_size, 65536,
				  &rs, NULL));
		merged = 0;
		for (size_t i = 0; i < rs.n; i++)
			merged += !strcmp(rs.r[i].kind, "ksm");
		if (merged < KSM_PAGES)
			free(rs.r);
	}
	knob_write(KSM "run", run);
	knob_write(KSM "sleep_millisecs", sleep_ms);
	knob_write(KSM "pages_to_scan", scan);
	ASSERT_EQ(KSM_PAGES, merged) TH_LOG("ksmd merged %d of %d pages in 60 s",
					    merged, KSM_PAGES);
	ASSERT_EQ(KSM_PAGES, (int)rs.n);
	for (size_t i = 0; i < rs.n; i++) {
		const struct row *r = &rs.r[i];

		EXPECT_EQ(rs.r[0].pfn, r->pfn) TH_LOG("0x%llx", r->addr);
		EXPECT_EQ(0, r->write);
		EXPECT_EQ(0, r->anon_exclusive);
		EXPECT_EQ(KSM_PAGES, r->mapcount);
		EXPECT_EQ(r->pfn, pagemap(getpid(), r->addr) & PM_PFN_MASK);
	}
	EXPECT_NE(0, read_u64("/proc/kpageflags", rs.r[0].pfn) & (1ULL << KPF_KSM));
	EXPECT_EQ(0, check_against_kernel(_metadata, getpid(), &rs, a,
					  a + KSM_PAGES * page_size));
	free(rs.r);
	/* a write breaks the sharing for that page alone */
	p[0] = 1;
	ASSERT_EQ(0, load(getpid(), a, a + 2 * page_size, 65536, &rs, NULL));
	ASSERT_EQ(2, (int)rs.n);
	EXPECT_STREQ("anon", rs.r[0].kind);
	EXPECT_EQ(1, rs.r[0].write);
	EXPECT_STREQ("ksm", rs.r[1].kind);
	EXPECT_EQ(KSM_PAGES - 1, rs.r[1].mapcount);
	free(rs.r);
	munmap(p, KSM_PAGES * page_size);
}

/* mprotect(PROT_READ) takes the write bit off every entry of the range. */
TEST_F(region, mprotect_read_only_entries_are_not_writable)
{
	unsigned long start = (unsigned long)self->anon;
	unsigned long end = start + NPAGES * page_size;
	struct rows rs;
	int written = 0;

	ASSERT_EQ(0, mprotect(self->anon, NPAGES * page_size, PROT_READ));
	ASSERT_EQ(0, load(getpid(), start, end, 65536, &rs, NULL));
	EXPECT_EQ(NPAGES, (int)rs.n);
	for (size_t i = 0; i < rs.n; i++) {
		EXPECT_EQ(0, rs.r[i].write) TH_LOG("0x%llx", rs.r[i].addr);
		/* the data stays; only the permission went */
		written += !strcmp(rs.r[i].kind, "anon") && rs.r[i].dirty;
	}
	EXPECT_EQ(NPAGES / 2, written);
	EXPECT_EQ(0, check_against_kernel(_metadata, getpid(), &rs, start, end));
	free(rs.r);
	ASSERT_EQ(0, mprotect(self->anon, NPAGES * page_size, PROT_READ | PROT_WRITE));
}

/* Bad writes and tasks without an address space get a clear error. */
TEST(bad_input_is_refused)
{
	static const struct {
		const char *text;
		int err;
	} cases[] = {
		{ "garbage", EINVAL }, { "0", EINVAL },
		{ "-1", EINVAL }, { "99999999999", EINVAL },
		{ "1 0x2000 0x1000", EINVAL }, { "1 0x1000 0x1000", EINVAL },
		{ "1 0xffffffffffffffff", EINVAL }, { "1 2 3 4", EINVAL },
		{ "1 zz", EINVAL }, { "2", ENXIO },	/* kthreadd: no mm */
	};
	char text[64];
	int fd, status;
	pid_t zombie, gone;

	if (access(PAGES, R_OK))
		SKIP(return, "module not loaded");
	fd = open(PAGES, O_RDWR);
	ASSERT_LE(0, fd);
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		errno = 0;
		EXPECT_EQ(-1, write(fd, cases[i].text, strlen(cases[i].text)))
			TH_LOG("'%s'", cases[i].text);
		EXPECT_EQ(cases[i].err, errno) TH_LOG("'%s'", cases[i].text);
	}
	memset(text, '1', sizeof(text));
	EXPECT_EQ(-1, write(fd, text, sizeof(text)));	/* over-long, no NUL */
	zombie = fork();
	if (zombie == 0)
		_exit(0);
	usleep(100000);
	snprintf(text, sizeof(text), "%d", zombie);
	errno = 0;
	EXPECT_EQ(-1, write(fd, text, strlen(text)));
	EXPECT_EQ(ENXIO, errno) TH_LOG("a zombie has no mm");
	waitpid(zombie, &status, 0);
	gone = zombie;
	snprintf(text, sizeof(text), "%d", gone);
	errno = 0;
	EXPECT_EQ(-1, write(fd, text, strlen(text)));
	EXPECT_EQ(ESRCH, errno) TH_LOG("a reaped pid");
	close(fd);
}

/* The CLI prints the module's rows; -J is JSON with numbers as numbers. */
TEST_F(region, cli_shows_the_same_entries)
{
	const char *cli = getenv("PTINSPECT") ? getenv("PTINSPECT") : "cli/ptinspect";
	unsigned long start = (unsigned long)self->anon;
	char cmd[512], line[512];
	int rows = 0, zero = 0, json_rows = 0;
	FILE *out;

	snprintf(cmd, sizeof(cmd), "%s pages -r -n -o addr,kind,mapcount %d %lx-%lx",
		 cli, getpid(), start, start + NPAGES * page_size);
	out = popen(cmd, "r");
	ASSERT_NE(NULL, out);
	while (fgets(line, sizeof(line), out)) {
		unsigned long long a;
		char kind[16];
		int mc;

		if (sscanf(line, "%llx %15s %d", &a, kind, &mc) != 3)
			continue;
		rows++;
		zero += !strcmp(kind, "zero");
		EXPECT_EQ(((a - start) / page_size) % 2 ? -1 : 1, mc);
	}
	EXPECT_EQ(0, pclose(out));
	EXPECT_EQ(NPAGES, rows);
	EXPECT_EQ(NPAGES / 2, zero);
	snprintf(cmd, sizeof(cmd), "%s pages -J %d %lx", cli, getpid(), start);
	out = popen(cmd, "r");
	ASSERT_NE(NULL, out);
	while (fgets(line, sizeof(line), out))
		json_rows += strstr(line, "\"mapcount\": 1") != NULL;
	EXPECT_EQ(0, pclose(out));
	EXPECT_EQ(1, json_rows);
	/*
	 * --per-vma: the written half is resident and private; the read
	 * half maps the zero page, resident but neither shared nor private
	 */
	snprintf(cmd, sizeof(cmd), "%s pages -s -r -n %d %lx-%lx", cli, getpid(),
		 start, start + NPAGES * page_size);
	out = popen(cmd, "r");
	ASSERT_NE(NULL, out);
	ASSERT_NE(NULL, fgets(line, sizeof(line), out));
	{
		unsigned long long vs, ve, res, swp, shared, priv, huge;

		ASSERT_EQ(7, sscanf(line, "%llx %llx %llu %llu %llu %llu %llu", &vs,
				    &ve, &res, &swp, &shared, &priv, &huge))
			TH_LOG("%s", line);
		EXPECT_LE(vs, start);
		EXPECT_EQ((unsigned long long)NPAGES * page_size, res);
		EXPECT_EQ(0ULL, shared);
		EXPECT_EQ((unsigned long long)NPAGES / 2 * page_size, priv);
		EXPECT_EQ(0ULL, swp + huge);
	}
	EXPECT_EQ(0, pclose(out));
	/* --vma: every entry of the VMA that holds an address in its middle */
	snprintf(cmd, sizeof(cmd), "%s pages -r -n -o addr --vma %lx %d", cli,
		 start + NPAGES / 2 * page_size + 5, getpid());
	out = popen(cmd, "r");
	ASSERT_NE(NULL, out);
	rows = 0;
	while (fgets(line, sizeof(line), out)) {
		unsigned long long a = strtoull(line, NULL, 16);

		rows++;
		EXPECT_LE(start, a);
		EXPECT_GT(start + NPAGES * page_size, a);
	}
	EXPECT_EQ(0, pclose(out));
	EXPECT_EQ(NPAGES, rows);
	snprintf(cmd, sizeof(cmd), "%s pages --vma 10 %d 2>/dev/null", cli, getpid());
	EXPECT_EQ(1, WEXITSTATUS(system(cmd)));
	snprintf(cmd, sizeof(cmd), "%s pages --vma %lx %d %lx 2>/dev/null", cli, start,
		 getpid(), start);
	EXPECT_EQ(2, WEXITSTATUS(system(cmd)));
	snprintf(cmd, sizeof(cmd), "%s pages %d nothex 2>/dev/null", cli, getpid());
	EXPECT_EQ(2, WEXITSTATUS(system(cmd)));
	snprintf(cmd, sizeof(cmd), "%s pages -o nosuch %d 2>/dev/null", cli, getpid());
	EXPECT_EQ(2, WEXITSTATUS(system(cmd)));
	snprintf(cmd, sizeof(cmd), "%s pages 2 2>/dev/null", cli);
	EXPECT_EQ(1, WEXITSTATUS(system(cmd)));
}

/*
 * `pages --cow`: after the child writes page 0, that page is "copied"
 * and every other written page "shared"; the per-VMA counts add up.
 */
TEST_F(region, cli_cow_names_the_copied_page)
{
	const char *cli = getenv("PTINSPECT") ? getenv("PTINSPECT") : "cli/ptinspect";
	unsigned long start = (unsigned long)self->anon;
	unsigned long end = start + NPAGES * page_size;
	int go[2], copied = 0, shared = 0, vma_copied = -1;
	char cmd[512], line[512], c;
	FILE *out;
	pid_t kid;

	ASSERT_EQ(0, pipe(go));
	kid = fork();
	ASSERT_LE(0, kid);
	if (kid == 0) {
		self->anon[0] = 'c';
		if (write(go[1], "w", 1) != 1)
			_exit(1);
		pause();
		_exit(0);
	}
	ASSERT_EQ(1, read(go[0], &c, 1));
	snprintf(cmd, sizeof(cmd), "%s pages --cow -e -r -n %d %d %lx-%lx", cli,
		 getpid(), kid, start, end);
	out = popen(cmd, "r");
	ASSERT_NE(NULL, out);
	while (fgets(line, sizeof(line), out)) {
		unsigned long long a;
		char kind[16], state[16];

		if (sscanf(line, "%llx %*s %*s %*d %*d %*d %15s %15s", &a, kind,
			   state) != 3)
			continue;
		if (!strcmp(kind, "zero"))
			continue;
		if (!strcmp(state, "copied")) {
			copied++;
			EXPECT_EQ(start, a);
		} else {
			EXPECT_STREQ("shared", state) TH_LOG("0x%llx", a);
			shared++;
		}
	}
	EXPECT_EQ(0, pclose(out));
	EXPECT_EQ(1, copied);
	EXPECT_EQ(NPAGES / 2 - 1, shared);
	snprintf(cmd, sizeof(cmd), "%s pages --cow -r -n %d %d %lx-%lx", cli,
		 getpid(), kid, start, end);
	out = popen(cmd, "r");
	ASSERT_NE(NULL, out);
	while (fgets(line, sizeof(line), out)) {
		unsigned long long s0;
		int both, sh, cp;

		if (sscanf(line, "%llx %*s %d %d %d", &s0, &both, &sh, &cp) == 4 &&
		    s0 <= start && both >= NPAGES)
			vma_copied = cp;
	}
	EXPECT_EQ(0, pclose(out));
	EXPECT_EQ(1, vma_copied);
	kill(kid, SIGKILL);
	waitpid(kid, NULL, 0);
}

/* 5 with LA57 paging (the CPU has it and the kernel uses it), else 4. */
static int paging_levels(void)
{
	char line[4096];
	int levels = 4;
	FILE *f = fopen("/proc/cpuinfo", "r");

	while (f && fgets(line, sizeof(line), f))
		if (!strncmp(line, "flags", 5) && strstr(line, " la57")) {
			levels = 5;
			break;
		}
	if (f)
		fclose(f);
	return levels;
}

/*
 * The walk down to a written page: each level's index is the address's
 * bits at that level, every table entry present and user-accessible,
 * and the PTE names the frame pagemap names.
 */
TEST_F(region, walk_follows_the_address_bits_to_the_frame)
{
	static const char *const five[] = { "pgd", "p4d", "pud", "pmd", "pte" };
	static const unsigned int shifts5[] = { 48, 39, 30, 21, 12 };
	int levels = paging_levels(), first = 5 - levels;
	unsigned long a = (unsigned long)self->anon;
	struct step st[8];
	int n = walk(getpid(), a, st, 8);

	ASSERT_EQ(levels, n) TH_LOG("levels");
	for (int i = 0; i < n; i++) {
		/* on 4-level paging the top table keeps the name pgd */
		const char *want = i == 0 ? "pgd" : five[first + i];
		unsigned int shift = shifts5[first + i];

		EXPECT_STREQ(want, st[i].level);
		EXPECT_EQ(shift, st[i].shift);
		EXPECT_EQ((a >> shift) & 511, st[i].index) TH_LOG("%s", want);
		EXPECT_EQ(1, st[i].present);
		EXPECT_EQ(1, st[i].user);
		EXPECT_NE(0ULL, st[i].pfn);
		EXPECT_STREQ(i == n - 1 ? "page" : "table", st[i].result);
	}
	EXPECT_EQ(pagemap(getpid(), a) & PM_PFN_MASK, st[n - 1].pfn);
	EXPECT_EQ(st[n - 1].pfn, (st[n - 1].entry & ((1ULL << 52) - 1)) >> 12);
	EXPECT_EQ(1, st[n - 1].write);
	EXPECT_EQ(1, st[n - 1].dirty);
	/* a read-only touch: the zero page, not writable */
	n = walk(getpid(), a + page_size, st, 8);
	ASSERT_EQ(levels, n);
	EXPECT_EQ(0, st[n - 1].write);
	EXPECT_EQ(pagemap(getpid(), a + page_size) & PM_PFN_MASK, st[n - 1].pfn);
}

/* Where nothing was touched the walk ends at an empty entry; no VMA, no walk. */
TEST(walk_ends_where_nothing_is_mapped)
{
	size_t len = 64UL << 20;
	char *fresh;
	struct step st[8];
	int n;

	page_size = sysconf(_SC_PAGESIZE);
	if (access("/proc/ptinspect/walk", R_OK))
		SKIP(return, "module not loaded");
	fresh = mmap(NULL, len, PROT_READ | PROT_WRITE,
		     MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	ASSERT_NE(MAP_FAILED, fresh);
	n = walk(getpid(), (unsigned long)fresh + len / 2, st, 8);
	ASSERT_LT(0, n);
	EXPECT_STREQ("none", st[n - 1].result);
	EXPECT_EQ(0, (int)(pagemap(getpid(), (unsigned long)fresh + len / 2) &
			   PM_PRESENT));
	munmap(fresh, len);
	/* just unmapped: in no VMA now */
	EXPECT_EQ(0, walk(getpid(), (unsigned long)fresh + len / 2, st, 8));
	errno = 0;
	EXPECT_EQ(-1, walk(2, 0x1000, st, 8));	/* kthreadd: no mm */
	EXPECT_EQ(ENXIO, errno);
	{
		int fd = open("/proc/ptinspect/walk", O_RDWR);
		static const char *const bad[] = {
			"1", "1 2 3", "x 0x1000", "1 nothex", "0 0x1000",
			"1 0xffffffffffffffff",
		};
		char buf[64];

		ASSERT_LE(0, fd);
		/* nothing chosen yet: the header alone */
		EXPECT_LT(0, read(fd, buf, sizeof(buf) - 1));
		EXPECT_EQ(0, strncmp(buf, "level ", 6));
		for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
			errno = 0;
			EXPECT_EQ(-1, write(fd, bad[i], strlen(bad[i])))
				TH_LOG("'%s'", bad[i]);
			EXPECT_EQ(EINVAL, errno) TH_LOG("'%s'", bad[i]);
		}
		close(fd);
	}
}

/* A kernel region by name from /proc/ptinspect/kernel. */
struct region {
	char name[32];
	unsigned long long start, end, used_end;
};

struct kernel_layout {
	int levels;
	unsigned long long task_size_max, page_offset_base, vmalloc_base;
	unsigned long long image_start, image_end, text_end, data_start;
	unsigned long long rodata_start, rodata_end;
	struct region r[32];
	int n;
};

static int load_kernel(struct kernel_layout *k)
{
	char buf[8192], *line, *save = NULL;
	struct layout l = { .n = 0 };
	int fd = open("/proc/ptinspect/kernel", O_RDONLY), part = 0;
	ssize_t got;

	memset(k, 0, sizeof(*k));
	if (fd < 0)
		return -1;
	got = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (got <= 0)
		return -1;
	buf[got] = '\0';
	for (line = strtok_r(buf, "\n", &save); line;
	     line = strtok_r(NULL, "\n", &save)) {
		char *f[32];

		if (part == 0 || part == 2) {	/* a header */
			read_header(line, &l);
			part++;
			continue;
		}
		split_fields(line, f, 32);
		if (part == 1) {
			k->levels = atoi(f[field_index(&l, "paging_levels")]);
			k->task_size_max = strtoull(f[field_index(&l, "task_size_max")], NULL, 0);
			k->page_offset_base = strtoull(f[field_index(&l, "page_offset_base")], NULL, 0);
			k->vmalloc_base = strtoull(f[field_index(&l, "vmalloc_base")], NULL, 0);
			k->image_start = strtoull(f[field_index(&l, "image_start")], NULL, 0);
			k->image_end = strtoull(f[field_index(&l, "image_end")], NULL, 0);
			k->text_end = strtoull(f[field_index(&l, "text_end")], NULL, 0);
			k->data_start = strtoull(f[field_index(&l, "data_start")], NULL, 0);
			k->rodata_start = strtoull(f[field_index(&l, "rodata_start")], NULL, 0);
			k->rodata_end = strtoull(f[field_index(&l, "rodata_end")], NULL, 0);
			part++;
			continue;
		}
		if (k->n < 32) {
			struct region *r = &k->r[k->n++];

			snprintf(r->name, sizeof(r->name), "%s", f[field_index(&l, "name")]);
			r->start = strtoull(f[field_index(&l, "start")], NULL, 0);
			r->end = strtoull(f[field_index(&l, "end")], NULL, 0);
			r->used_end = strtoull(f[field_index(&l, "used_end")], NULL, 0);
		}
	}
	return part == 3 ? 0 : -1;
}

static const struct region *region_of(const struct kernel_layout *k,
				      unsigned long long a)
{
	for (int i = 0; i < k->n; i++)
		if (a >= k->r[i].start && a < k->r[i].end)
			return &k->r[i];
	return NULL;
}

static const struct region *region_named(const struct kernel_layout *k,
					 const char *name)
{
	for (int i = 0; i < k->n; i++)
		if (!strcmp(k->r[i].name, name))
			return &k->r[i];
	return NULL;
}

/*
 * The layout against /proc/kcore, the kernel's own ELF view of itself:
 * every segment lies in one of the regions, a RAM segment at its physical
 * address plus page_offset_base, vmalloc's at vmalloc_base; the paging
 * depth matches the CPU's la57 flag; this module's text is in modules.
 */
TEST(kernel_layout_matches_kcore)
{
	struct kernel_layout k;
	Elf64_Ehdr eh;
	int fd, text_in_image = 0, ram = 0, at_vmalloc = 0;
	char line[64];
	FILE *f;

	if (access("/proc/ptinspect/kernel", R_OK))
		SKIP(return, "module not loaded");
	ASSERT_EQ(0, load_kernel(&k));
	ASSERT_NE(0ULL, k.page_offset_base) TH_LOG("root should see the bases");
	EXPECT_EQ(paging_levels(), k.levels);
	EXPECT_EQ(k.levels == 5 ? (1ULL << 56) - 4096 : (1ULL << 47) - 4096,
		  k.task_size_max);
	ASSERT_NE(NULL, region_named(&k, "direct_map"));
	EXPECT_EQ(k.page_offset_base, region_named(&k, "direct_map")->start);
	EXPECT_EQ(k.vmalloc_base, region_named(&k, "vmalloc")->start);
	for (int i = 1; i < k.n; i++) {
		EXPECT_LE(k.r[i - 1].end, k.r[i].start)
			TH_LOG("%s overlaps %s", k.r[i - 1].name, k.r[i].name);
	}
	fd = open("/proc/kcore", O_RDONLY);
	ASSERT_LE(0, fd);
	ASSERT_EQ((ssize_t)sizeof(eh), pread(fd, &eh, sizeof(eh), 0));
	ASSERT_EQ(0, memcmp(eh.e_ident, ELFMAG, SELFMAG));
	for (int i = 0; i < eh.e_phnum; i++) {
		Elf64_Phdr ph;
		const struct region *r;

		ASSERT_EQ((ssize_t)sizeof(ph),
			  pread(fd, &ph, sizeof(ph), (off_t)(eh.e_phoff + i * sizeof(ph))));
		if (ph.p_type != PT_LOAD)
			continue;
		r = region_of(&k, ph.p_vaddr);
		EXPECT_NE(NULL, r) TH_LOG("kcore segment 0x%llx+0x%llx in no region",
					  (unsigned long long)ph.p_vaddr,
					  (unsigned long long)ph.p_memsz);
		if (!r)
			continue;
		EXPECT_LE(ph.p_vaddr + ph.p_memsz, r->end)
			TH_LOG("kcore segment 0x%llx+0x%llx runs past %s",
			       (unsigned long long)ph.p_vaddr,
			       (unsigned long long)ph.p_memsz, r->name);
		if (!strcmp(r->name, "direct_map")) {
			ram++;
			EXPECT_EQ(ph.p_paddr, ph.p_vaddr - k.page_offset_base);
			EXPECT_LE(ph.p_vaddr + ph.p_memsz, r->used_end);
		}
		at_vmalloc += ph.p_vaddr == region_named(&k, "vmalloc")->start;
		text_in_image += !strcmp(r->name, "kernel_image");
	}
	close(fd);
	EXPECT_LT(0, ram);
	EXPECT_EQ(1, at_vmalloc);
	EXPECT_LT(0, text_in_image);
	f = fopen("/sys/module/ptinspect/sections/.text", "r");
	ASSERT_NE(NULL, f);
	ASSERT_NE(NULL, fgets(line, sizeof(line), f));
	fclose(f);
	EXPECT_STREQ("modules", region_of(&k, strtoull(line, NULL, 16))->name);
}

/* A whole file's text (NUL-terminated, its length in @len), or NULL. */
static char *slurp(const char *path, size_t *len)
{
	size_t cap = 1 << 16;
	char *buf = malloc(cap);
	int fd = open(path, O_RDONLY);
	ssize_t got = 0;

	*len = 0;
	if (fd < 0 || !buf) {
		free(buf);
		if (fd >= 0)
			close(fd);
		return NULL;
	}
	while ((got = read(fd, buf + *len, cap - *len - 1)) > 0) {
		*len += (size_t)got;
		if (cap - *len < 4096)
			buf = realloc(buf, cap *= 2);
	}
	close(fd);
	buf[*len] = '\0';
	return buf;
}

/*
 * The addresses of @n symbols from one read of /proc/kallsyms (root sees
 * real ones), each 0 if not found.
 */
static void kallsyms_addresses(const char *const *names, unsigned long long *addrs,
			       int n)
{
	unsigned long long addr;
	char line[256], sym[128], type;
	FILE *f = fopen("/proc/kallsyms", "r");
	int left = n;

	memset(addrs, 0, sizeof(*addrs) * (size_t)n);
	if (!f)
		return;
	while (left && fgets(line, sizeof(line), f)) {
		if (sscanf(line, "%llx %c %127s", &addr, &type, sym) != 3)
			continue;
		for (int i = 0; i < n; i++)
			if (!addrs[i] && !strcmp(sym, names[i])) {
				addrs[i] = addr;
				left--;
			}
	}
	fclose(f);
}

/* The physical range /proc/iomem gives @name (root sees real ones). */
static int iomem_range(const char *name, unsigned long long *start,
		       unsigned long long *end)
{
	char line[256], what[128];
	FILE *f = fopen("/proc/iomem", "r");
	int found = 0;

	if (!f)
		return -1;
	while (!found && fgets(line, sizeof(line), f))
		if (sscanf(line, " %llx-%llx : %127[^\n]", start, end, what) == 3 &&
		    !strcmp(what, name))
			found = 1;
	fclose(f);
	return found ? 0 : -1;
}

/*
 * The kernel half against the kernel's other views of itself: the image's
 * mapping starts at kallsyms' _text and ends on the 2 MiB page holding
 * _end (past the bss); its text ends at _etext's page, its rodata spans
 * __start_rodata to __end_rodata's page and its data starts at _sdata, as
 * far from the start as /proc/iomem's "Kernel code", "Kernel rodata" and
 * "Kernel data" are in physical memory; every vmalloc'ed range
 * of /proc/vmallocinfo lies in vmalloc; every module of /proc/modules lies
 * in modules.
 */
TEST(kernel_layout_matches_kallsyms_vmallocinfo_and_modules)
{
	static const char *const syms[] = {
		"_text", "__bss_stop", "_end", "_etext", "_sdata", "_edata",
		"__start_rodata", "__end_rodata",
	};
	unsigned long long addr[8], text, bss_stop, end, start, size, lo, hi;
	unsigned long long code_start, code_end, data_phys, data_end, ro_start, ro_end;
	unsigned long long page = (unsigned long long)sysconf(_SC_PAGESIZE);
	const struct region *vmalloc, *modules;
	int ranges = 0, loaded = 0;
	struct kernel_layout k;
	char line[512], name[64], saved[16] = "", *info;
	size_t len;
	FILE *f;

	if (access("/proc/ptinspect/kernel", R_OK))
		SKIP(return, "module not loaded");
	ASSERT_EQ(0, load_kernel(&k));
	kallsyms_addresses(syms, addr, 8);
	text = addr[0];
	bss_stop = addr[1];
	end = addr[2];
	ASSERT_NE(0ULL, text) TH_LOG("root should see _text in /proc/kallsyms");
	ASSERT_NE(0ULL, end);
	EXPECT_EQ(text, k.image_start);
	EXPECT_LE(bss_stop, k.image_end);
	EXPECT_LE(k.image_end, (end + (2ULL << 20) - 1) & ~((2ULL << 20) - 1));
	EXPECT_LT(k.image_start, k.image_end);
	ASSERT_NE(NULL, region_of(&k, k.image_start));
	EXPECT_STREQ("kernel_image", region_of(&k, k.image_start)->name);
	EXPECT_LE(k.image_end, region_of(&k, k.image_start)->end);
	/* the sections: text to _etext, rodata, data from _sdata */
	EXPECT_EQ((addr[3] + page - 1) & ~(page - 1), k.text_end);
	EXPECT_EQ(addr[6], k.rodata_start);
	EXPECT_EQ((addr[7] + page - 1) & ~(page - 1), k.rodata_end);
	EXPECT_EQ(addr[4], k.data_start);
	EXPECT_LE(k.text_end, k.rodata_start);
	EXPECT_LE(k.rodata_end, k.data_start);
	EXPECT_LT(k.data_start, k.image_end);
	/* the same sections in physical memory, as /proc/iomem has them */
	ASSERT_EQ(0, iomem_range("Kernel code", &code_start, &code_end));
	ASSERT_EQ(0, iomem_range("Kernel rodata", &ro_start, &ro_end));
	ASSERT_EQ(0, iomem_range("Kernel data", &data_phys, &data_end));
	EXPECT_EQ(k.text_end - k.image_start,
		  (code_end + 1 - code_start + page - 1) & ~(page - 1));
	EXPECT_EQ(k.rodata_start - k.image_start, ro_start - code_start);
	EXPECT_EQ(k.rodata_end - k.image_start,
		  (ro_end + 1 - code_start + page - 1) & ~(page - 1));
	EXPECT_EQ(k.data_start - k.image_start, data_phys - code_start);
	EXPECT_EQ(addr[5] - addr[4], data_end + 1 - data_phys) TH_LOG("_edata - _sdata");

	vmalloc = region_named(&k, "vmalloc");
	modules = region_named(&k, "modules");
	ASSERT_NE(NULL, vmalloc);
	ASSERT_NE(NULL, modules);
	/* vmallocinfo prints %pK: real addresses under kptr_restrict=1 */
	ASSERT_EQ(0, knob_swap(KPTR_RESTRICT, saved, sizeof(saved), "1"));
	info = slurp("/proc/vmallocinfo", &len);
	ASSERT_EQ(0, knob_write(KPTR_RESTRICT, saved));
	ASSERT_NE(NULL, info);
	f = fmemopen(info, len, "r");
	ASSERT_NE(NULL, f);
	while (fgets(line, sizeof(line), f)) {
		if (sscanf(line, "0x%llx-0x%llx", &lo, &hi) != 2)
			continue;
		/* module text is vmalloc'ed too, in its own area */
		if (lo >= modules->start && hi <= modules->end)
			continue;
		ranges++;
		EXPECT_LE(vmalloc->start, lo) TH_LOG("%s", line);
		EXPECT_GE(vmalloc->end, hi) TH_LOG("%s", line);
	}
	fclose(f);
	free(info);
	EXPECT_LT(0, ranges);
	f = fopen("/proc/modules", "r");
	ASSERT_NE(NULL, f);
	while (fgets(line, sizeof(line), f)) {
		char *at = strstr(line, " 0x");

		if (!at || sscanf(line, "%63s %llu", name, &size) != 2)
			continue;
		start = strtoull(at + 1, NULL, 16);
		loaded++;
		EXPECT_LE(modules->start, start) TH_LOG("%s", name);
		EXPECT_GE(modules->end, start + size) TH_LOG("%s", name);
	}
	fclose(f);
	EXPECT_LT(0, loaded);
}

/* kptr_restrict=2 hides the kernel's addresses, as it hides kallsyms'. */
TEST(kernel_layout_follows_kptr_restrict)
{
	struct kernel_layout k;
	char saved[16] = "";

	if (access("/proc/ptinspect/kernel", R_OK))
		SKIP(return, "module not loaded");
	ASSERT_EQ(0, knob_swap(KPTR_RESTRICT, saved, sizeof(saved), "2"));
	EXPECT_EQ(0, load_kernel(&k));
	ASSERT_EQ(0, knob_write(KPTR_RESTRICT, saved));
	EXPECT_EQ(0ULL, k.page_offset_base);
	EXPECT_EQ(0ULL, k.vmalloc_base);
	EXPECT_EQ(0ULL, k.image_start);
	EXPECT_EQ(0ULL, k.image_end);
	EXPECT_EQ(0ULL, k.text_end);
	EXPECT_EQ(0ULL, k.rodata_start);
	EXPECT_EQ(0ULL, k.rodata_end);
	EXPECT_EQ(0ULL, k.data_start);
	for (int i = 1; i < k.n; i++) {
		EXPECT_EQ(0ULL, k.r[i].start) TH_LOG("%s", k.r[i].name);
	}
	EXPECT_STREQ("user", k.r[0].name);
	EXPECT_EQ(k.task_size_max, k.r[0].end);
}

/* `pages --walk` names the frame; `kernel` lists the regions the file has. */
TEST_F(region, cli_walk_and_kernel_layout)
{
	const char *cli = getenv("PTINSPECT") ? getenv("PTINSPECT") : "cli/ptinspect";
	unsigned long a = (unsigned long)self->anon;
	char cmd[512], line[512], want[64];
	struct kernel_layout k;
	bool frame = false, direct = false;
	FILE *out;

	snprintf(cmd, sizeof(cmd), "%s pages --walk %d %lx", cli, getpid(), a);
	snprintf(want, sizeof(want), "frame 0x%llx,",
		 (unsigned long long)(pagemap(getpid(), a) & PM_PFN_MASK));
	out = popen(cmd, "r");
	ASSERT_NE(NULL, out);
	while (fgets(line, sizeof(line), out))
		frame |= strstr(line, want) != NULL;
	EXPECT_EQ(0, pclose(out));
	EXPECT_TRUE(frame) TH_LOG("no '%s' in the walk", want);
	ASSERT_EQ(0, load_kernel(&k));
	snprintf(cmd, sizeof(cmd), "%s kernel -r -n", cli);
	snprintf(want, sizeof(want), "direct_map 0x%016llx ", k.page_offset_base);
	out = popen(cmd, "r");
	ASSERT_NE(NULL, out);
	while (fgets(line, sizeof(line), out))
		direct |= !strncmp(line, want, strlen(want));
	EXPECT_EQ(0, pclose(out));
	EXPECT_TRUE(direct) TH_LOG("no '%s'", want);
	snprintf(cmd, sizeof(cmd), "%s pages --walk %d 2>/dev/null", cli, getpid());
	EXPECT_EQ(2, WEXITSTATUS(system(cmd)));
	snprintf(cmd, sizeof(cmd), "%s pages --walk %d 7ffffffff000 2>/dev/null", cli,
		 getpid());
	EXPECT_EQ(1, WEXITSTATUS(system(cmd)));	/* in no VMA */
	snprintf(cmd, sizeof(cmd), "%s kernel extra 2>/dev/null", cli);
	EXPECT_EQ(2, WEXITSTATUS(system(cmd)));
}

TEST_HARNESS_MAIN
