/* vma_test.c - /proc/ptinspect/vma against /proc/<pid>/maps, status and
 * stat, and against mappings this test makes.  Root, module loaded.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <malloc.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <sys/auxv.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
#include "flag_names.h"
#include "harness.h"
#include "knob.h"
#include "procview.h"
#include "vma.h"

#ifndef PR_SET_VMA
#define PR_SET_VMA 0x53564d41
#define PR_SET_VMA_ANON_NAME 0
#endif

#define MAX_VMAS 70000
#define PAGE 4096UL

static const struct pti_source src = { .proc_dir = "/proc/ptinspect" };

/* One line of /proc/<pid>/maps, or of the module's view, compared alike. */
struct mapline {
	unsigned long long start, end, offset, inode;
	char perms[8];
	unsigned int major, minor;
	char name[4096];
};

struct snapshot {
	struct pti_mm mm;
	struct mapline *lines;
	size_t n;
};

/* /proc/<pid>/maps without the global [vsyscall] gate area, which is not in
 * the mm's VMA tree (map_count leaves it out too).
 */
static int read_maps(int pid, struct mapline *lines, size_t max, size_t *n)
{
	char path[64], buf[8192];
	FILE *f;

	snprintf(path, sizeof(path), "/proc/%d/maps", pid);
	f = fopen(path, "re");
	if (!f)
		return -1;
	*n = 0;
	while (fgets(buf, sizeof(buf), f) && *n < max) {
		struct mapline *l = &lines[*n];
		int used = 0;

		memset(l, 0, sizeof(*l));
		if (sscanf(buf, "%llx-%llx %7s %llx %x:%x %llu %n", &l->start,
			   &l->end, l->perms, &l->offset, &l->major, &l->minor,
			   &l->inode, &used) < 7)
			break;
		snprintf(l->name, sizeof(l->name), "%s", buf + used);
		l->name[strcspn(l->name, "\n")] = '\0';
		if (strcmp(l->name, "[vsyscall]") != 0)
			(*n)++;
	}
	fclose(f);
	return 0;
}

static int read_module(int pid, struct snapshot *s, size_t max, char *err,
		       size_t errlen)
{
	static struct pti_vma v;
	struct pti_vma_reader r;
	int got;

	s->n = 0;
	if (pti_vma_begin(&src, pid, &r, &s->mm, err, errlen))
		return -1;
	while ((got = pti_vma_next(&r, &v, err, errlen)) == 1 && s->n < max) {
		struct mapline *l = &s->lines[s->n++];

		memset(l, 0, sizeof(*l));
		l->start = v.start;
		l->end = v.end;
		l->offset = v.offset;
		l->inode = v.inode;
		l->major = v.dev_major;
		l->minor = v.dev_minor;
		snprintf(l->perms, sizeof(l->perms), "%s", v.perms);
		snprintf(l->name, sizeof(l->name), "%s", v.name);
	}
	pti_vma_end(&r);
	return got;
}

static bool maps_equal(const struct mapline *a, size_t na,
		       const struct mapline *b, size_t nb)
{
	if (na != nb)
		return false;
	for (size_t i = 0; i < na; i++)
		if (memcmp(&a[i], &b[i], offsetof(struct mapline, name)) ||
		    strcmp(a[i].name, b[i].name))
			return false;
	return true;
}

static int describe_diff(const struct mapline *a, size_t na,
			 const struct mapline *b, size_t nb)
{
	for (size_t i = 0; i < na && i < nb; i++) {
		if (!maps_equal(&a[i], 1, &b[i], 1)) {
			ksft_print_msg("line %zu: maps %llx-%llx %s %llx %x:%x %llu '%s' vs module %llx-%llx %s %llx %x:%x %llu '%s'\n",
				       i, a[i].start, a[i].end, a[i].perms, a[i].offset,
				       a[i].major, a[i].minor, a[i].inode, a[i].name,
				       b[i].start, b[i].end, b[i].perms, b[i].offset,
				       b[i].major, b[i].minor, b[i].inode, b[i].name);
			return -1;
		}
	}
	ksft_print_msg("maps has %zu lines, module %zu\n", na, nb);
	return -1;
}

/* Every process's VMAs equal its /proc/<pid>/maps, unless they changed. */
TEST(every_process_matches_maps)
{
	static struct mapline before[4096], after[4096], mod[4096];
	struct snapshot s = { .lines = mod };
	DIR *proc = opendir("/proc");
	struct dirent *d;
	int checked = 0, changed = 0, nomm = 0;

	ASSERT_NE(NULL, proc);
	while ((d = readdir(proc)) != NULL) {
		int pid = atoi(d->d_name);
		size_t nb, na;
		char err[256];

		if (pid <= 0 || read_maps(pid, before, 4096, &nb))
			continue;
		if (read_module(pid, &s, 4096, err, sizeof(err))) {
			nomm++;		/* kernel thread, zombie or gone */
			continue;
		}
		if (read_maps(pid, after, 4096, &na) ||
		    !maps_equal(before, nb, after, na)) {
			changed++;
			continue;
		}
		if (!maps_equal(before, nb, mod, s.n))
			describe_diff(before, nb, mod, s.n);
		EXPECT_TRUE(maps_equal(before, nb, mod, s.n));
		EXPECT_EQ((int)s.n, s.mm.map_count);
		checked++;
	}
	closedir(proc);
	ksft_print_msg("%d processes match /proc/<pid>/maps; %d changed, %d without an mm\n",
		       checked, changed, nomm);
	EXPECT_GT(checked, 3);
}

static long status_kb(int pid, const char *key)
{
	char path[64], line[256];
	long v = -1;
	FILE *f;

	snprintf(path, sizeof(path), "/proc/%d/status", pid);
	f = fopen(path, "re");
	while (f && fgets(line, sizeof(line), f))
		if (strncmp(line, key, strlen(key)) == 0 && line[strlen(key)] == ':')
			v = atol(line + strlen(key) + 1);
	if (f)
		fclose(f);
	return v;
}

/* stat fields 26-28 and 45-51: code, stack, data, brk, args, env. */
static int stat_layout(int pid, unsigned long long *v)
{
	static const int wanted[] = { 26, 27, 28, 45, 46, 47, 48, 49, 50, 51 };
	char path[64], buf[4096];

	snprintf(path, sizeof(path), "/proc/%d/stat", pid);
	if (procview_read_text(path, buf, sizeof(buf)) < 0)
		return -1;
	return procview_stat_numbers(buf, wanted, 10, v);
}

static const char *const status_keys[] = {
	"VmSize", "VmLck", "VmPin", "VmData", "VmStk", "RssFile", "RssShmem",
	"VmPTE",
};
#define NKEYS (sizeof(status_keys) / sizeof(status_keys[0]))

static void status_values(int pid, long *v)
{
	for (size_t i = 0; i < NKEYS; i++)
		v[i] = status_kb(pid, status_keys[i]);
}

/* The mm summary agrees with status (Vm*, Rss*) and stat's layout fields,
 * taken when status read the same before and after the module.
 */
TEST(mm_summary_matches_status_and_stat)
{
	static struct mapline mod[4096];
	struct snapshot s = { .lines = mod };
	unsigned long long layout[10];
	long before[NKEYS], after[NKEYS], mine[NKEYS];
	char err[256];
	pid_t self = getpid();
	int tries;

	for (tries = 0; tries < 20; tries++) {
		status_values(self, before);
		ASSERT_EQ(0, read_module(self, &s, 4096, err, sizeof(err)));
		status_values(self, after);
		if (!memcmp(before, after, sizeof(before)))
			break;
	}
	ASSERT_LT(tries, 20);
	/* the kernel's page size, as it told this process at exec */
	ASSERT_EQ(getauxval(AT_PAGESZ), s.mm.page_size);
	mine[0] = s.mm.total_vm * (s.mm.page_size / 1024);
	mine[1] = s.mm.locked_vm * (s.mm.page_size / 1024);
	mine[2] = s.mm.pinned_vm * (s.mm.page_size / 1024);
	mine[3] = s.mm.data_vm * (s.mm.page_size / 1024);
	mine[4] = s.mm.stack_vm * (s.mm.page_size / 1024);
	mine[5] = s.mm.rss_file * (s.mm.page_size / 1024);
	mine[6] = s.mm.rss_shmem * (s.mm.page_size / 1024);
	mine[7] = s.mm.pgtables_bytes / 1024;
	for (size_t i = 0; i < NKEYS; i++) {
		if (mine[i] != before[i])
			ksft_print_msg("%s: status %ld kB, module %ld kB\n",
				       status_keys[i], before[i], mine[i]);
		EXPECT_EQ(before[i], mine[i]);
	}
	ASSERT_EQ(0, stat_layout(self, layout));
	EXPECT_EQ(layout[0], s.mm.start_code);
	EXPECT_EQ(layout[1], s.mm.end_code);
	EXPECT_EQ(layout[2], s.mm.start_stack);
	EXPECT_EQ(layout[3], s.mm.start_data);
	EXPECT_EQ(layout[4], s.mm.end_data);
	EXPECT_EQ(layout[5], s.mm.start_brk);
	EXPECT_EQ(layout[6], s.mm.arg_start);
	EXPECT_EQ(layout[7], s.mm.arg_end);
	EXPECT_EQ(layout[8], s.mm.env_start);
	EXPECT_EQ(layout[9], s.mm.env_end);
	/* One thread, no other CLONE_VM user; mm_count may also hold a
	 * kernel thread per CPU that borrowed the mm (lazy TLB).
	 */
	EXPECT_EQ(1, s.mm.mm_users);
	EXPECT_GE(s.mm.mm_count, 1);
	EXPECT_LE(s.mm.mm_count, 1 + sysconf(_SC_NPROCESSORS_CONF));
}

static const struct mapline *find_line(const struct snapshot *s,
				       unsigned long long addr)
{
	for (size_t i = 0; i < s->n; i++)
		if (s->lines[i].start <= addr && addr < s->lines[i].end)
			return &s->lines[i];
	return NULL;
}

static int find_vma_flags(int pid, unsigned long long addr, struct pti_vma *out)
{
	struct pti_vma_reader r;
	struct pti_mm mm;
	char err[256];
	int got;

	if (pti_vma_begin(&src, pid, &r, &mm, err, sizeof(err)))
		return -1;
	while ((got = pti_vma_next(&r, out, err, sizeof(err))) == 1)
		if (out->start <= addr && addr < out->end)
			break;
	pti_vma_end(&r);
	return got == 1 ? 0 : -1;
}

/* smaps' VmFlags mnemonics and the VM_* names /proc/ptinspect/flags gives. */
static const struct {
	const char *mnemonic, *name;
} vmflags[] = {
	{ "rd", "READ" }, { "wr", "WRITE" }, { "ex", "EXEC" }, { "sh", "SHARED" },
	{ "mr", "MAYREAD" }, { "mw", "MAYWRITE" }, { "me", "MAYEXEC" },
	{ "ms", "MAYSHARE" }, { "gd", "GROWSDOWN" }, { "pf", "PFNMAP" },
	{ "lo", "LOCKED" }, { "io", "IO" }, { "sr", "SEQ_READ" },
	{ "rr", "RAND_READ" }, { "dc", "DONTCOPY" }, { "de", "DONTEXPAND" },
	{ "lf", "LOCKONFAULT" }, { "ac", "ACCOUNT" }, { "nr", "NORESERVE" },
	{ "ht", "HUGETLB" }, { "sf", "SYNC" }, { "wf", "WIPEONFORK" },
	{ "dd", "DONTDUMP" }, { "sd", "SOFTDIRTY" }, { "mm", "MIXEDMAP" },
	{ "hg", "HUGEPAGE" }, { "nh", "NOHUGEPAGE" }, { "mg", "MERGEABLE" },
	{ "um", "UFFD_MISSING" }, { "uw", "UFFD_WP" }, { "ui", "UFFD_MINOR" },
	{ "ss", "SHADOW_STACK" }, { "sl", "SEALED" },
};

/* Whether the '|'-separated @names holds @name. */
#ifndef SYS_mseal
#define SYS_mseal 462	/* x86-64, 6.10 */
#endif

/*
 * Every VMA of this process: its vm_flags, named by /proc/ptinspect/flags,
 * are exactly the flags smaps' VmFlags shows, for every flag both know, on
 * whichever kernel runs (flags come and go between releases).  A mapping
 * sealed with mseal() (6.10+) is among them where the kernel has it.
 */
TEST(flag_names_agree_with_smaps)
{
	static struct pti_vma v;
	struct pti_vma_reader r;
	struct pti_flag_names vm_names;
	struct pti_mm mm;
	char err[256], line[512], names[PTI_FLAG_NAMES_TEXT];
	unsigned long long start = 0, end = 0;
	size_t checked = 0, sealed = 0;
	void *seal = mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	bool can_seal;
	FILE *f;

	ASSERT_NE(MAP_FAILED, seal);
	can_seal = syscall(SYS_mseal, seal, PAGE, 0) == 0;
	if (!can_seal)
		ASSERT_EQ(ENOSYS, errno) TH_LOG("mseal: %s", strerror(errno));
	ASSERT_EQ(0, pti_flag_names_load(&src, "vm_flags", &vm_names, err,
					 sizeof(err))) TH_LOG("%s", err);
	f = fopen("/proc/self/smaps", "r");
	ASSERT_NE(NULL, f);
	ASSERT_EQ(0, pti_vma_begin(&src, getpid(), &r, &mm, err, sizeof(err))) TH_LOG("%s", err);
	while (fgets(line, sizeof(line), f)) {
		unsigned long long a, b;

		if (sscanf(line, "%llx-%llx ", &a, &b) == 2) {
			start = a;
			end = b;
			continue;
		}
		/* [vsyscall], the gate area, is no VMA of the mm. */
		if (strncmp(line, "VmFlags:", 8) || start >= 0x800000000000ULL)
			continue;
		/* The module's VMA at the same place: the walk is in order. */
		while (pti_vma_next(&r, &v, err, sizeof(err)) == 1 && v.start < start)
			;
		ASSERT_EQ(start, v.start) TH_LOG("%llx: not in the module's view", start);
		ASSERT_EQ(end, v.end);
		pti_flag_names_decode(&vm_names, v.vm_flags, names, sizeof(names));
		for (size_t i = 0; i < sizeof(vmflags) / sizeof(vmflags[0]); i++) {
			char want[8];
			bool in_smaps;

			snprintf(want, sizeof(want), " %s", vmflags[i].mnemonic);
			in_smaps = strstr(line + 8, want) &&
				   (strstr(line + 8, want)[3] == ' ' ||
				    strstr(line + 8, want)[3] == '\n');
			EXPECT_EQ(in_smaps, pti_list_has(names, '|', vmflags[i].name))
				TH_LOG("%llx-%llx %s: smaps '%s', module '%s'", start, end,
				       vmflags[i].name, line + 9, names);
		}
		sealed += pti_list_has(names, '|', "SEALED");
		checked++;
	}
	pti_vma_end(&r);
	pti_flag_names_free(&vm_names);
	fclose(f);
	EXPECT_GT(checked, 5);
	EXPECT_EQ(can_seal ? 1u : 0u, sealed) TH_LOG("mseal %s here", can_seal ? "works" : "is absent");
	if (!can_seal)
		munmap(seal, PAGE);	/* a sealed mapping cannot be unmapped */
}

/*
 * The flags view names single, distinct bits of both words, and the ones
 * every release shares have the values their uapi and smaps documents.
 */
TEST(flags_view_names_single_bits)
{
	static const char *const words[] = { "vm_flags", "flags" };
	struct pti_flag_names fn;
	char err[256], names[PTI_FLAG_NAMES_TEXT];

	for (size_t w = 0; w < 2; w++) {
		unsigned long long seen = 0;

		ASSERT_EQ(0, pti_flag_names_load(&src, words[w], &fn, err,
						 sizeof(err))) TH_LOG("%s", err);
		EXPECT_GT(fn.n, 20);
		for (size_t i = 0; i < fn.n; i++) {
			unsigned long long bit = fn.bits[i].value;

			EXPECT_TRUE(bit && !(bit & (bit - 1)))
				TH_LOG("%s %s: 0x%llx", words[w], fn.bits[i].name, bit);
			EXPECT_FALSE(seen & bit)
				TH_LOG("%s %s: 0x%llx twice", words[w], fn.bits[i].name, bit);
			seen |= bit;
		}
		if (w == 0) {
			pti_flag_names_decode(&fn, 0x1 | 0x2 | 0x100, names, sizeof(names));
			EXPECT_STREQ("READ|WRITE|GROWSDOWN", names);
		} else {
			pti_flag_names_decode(&fn, 0x00200000, names, sizeof(names));
			EXPECT_STREQ("KTHREAD", names);	/* PF_KTHREAD */
		}
		pti_flag_names_decode(&fn, 0, names, sizeof(names));
		EXPECT_STREQ("", names);
		pti_flag_names_free(&fn);
	}
	EXPECT_EQ(-1, pti_flag_names_load(&src, "no_such_word", &fn, err, sizeof(err)));
}

/*
 * The vma view leaves kernel addresses out; its debugfs twin leads each
 * VMA with the vm_area_struct's, as %pK shows them: none under
 * kptr_restrict=2, even to root.
 */
TEST(debugfs_vma_leads_with_addresses)
{
	static char buf[1 << 16];
	char saved[16] = "", header[64] = "", first[32] = "";
	const char *dbg = "/sys/kernel/debug/ptinspect/vma";
	FILE *f;

	f = fopen("/proc/ptinspect/vma", "re");
	ASSERT_NE(NULL, f);
	for (int i = 0; i < 3 && fgets(buf, sizeof(buf), f); i++)
		;
	fclose(f);
	EXPECT_EQ(0, strncmp(buf, "start end perms vm_flags ", 25)) TH_LOG("%s", buf);
	EXPECT_EQ(NULL, strstr(buf, " vma ")) TH_LOG("%s", buf);

	ASSERT_LT(0, knob_read(KPTR_RESTRICT, saved, sizeof(saved)));
	for (int restrict_level = 2; restrict_level >= 1; restrict_level--) {
		ASSERT_EQ(0, knob_write(KPTR_RESTRICT,
					restrict_level == 2 ? "2" : "1"));
		f = fopen(dbg, "re");
		ASSERT_NE(NULL, f) TH_LOG("%s: %s", dbg, strerror(errno));
		for (int i = 0; i < 4 && fgets(buf, sizeof(buf), f); i++)
			if (i == 2)
				snprintf(header, sizeof(header), "%.40s", buf);
		fclose(f);
		EXPECT_EQ(0, strncmp(header, "vma start end perms ", 20)) TH_LOG("%s", header);
		sscanf(buf, "%31s", first);
		if (restrict_level == 2) {
			EXPECT_STREQ("0000000000000000", first);
		} else {
			EXPECT_STRNE("0000000000000000", first);
		}
	}
	ASSERT_EQ(0, knob_write(KPTR_RESTRICT, saved));
}

/* Mappings made here are reported exactly. */
TEST(known_mappings)
{
	static struct mapline mod[4096];
	static struct pti_vma v;
	struct snapshot s = { .lines = mod };
	char err[256], path[] = "/tmp/pti-vma-XXXXXX", buf[2 * PAGE];
	const struct mapline *l;
	int fd = mkstemp(path);
	unsigned char *anon, *file, *split, *guard, *grows;

	ASSERT_GE(fd, 0);
	memset(buf, 'x', sizeof(buf));
	ASSERT_EQ((ssize_t)sizeof(buf), write(fd, buf, sizeof(buf)));
	anon = mmap(NULL, 4 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	file = mmap(NULL, 2 * PAGE, PROT_READ, MAP_PRIVATE, fd, PAGE);
	split = mmap(NULL, 3 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	guard = mmap(NULL, PAGE, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	grows = mmap(NULL, 2 * PAGE, PROT_READ | PROT_WRITE,
		     MAP_PRIVATE | MAP_ANONYMOUS | MAP_GROWSDOWN, -1, 0);
	ASSERT_NE(MAP_FAILED, anon);
	ASSERT_NE(MAP_FAILED, file);
	ASSERT_NE(MAP_FAILED, split);
	ASSERT_NE(MAP_FAILED, guard);
	ASSERT_NE(MAP_FAILED, grows);
	anon[0] = 1;	/* fault a page in: an anon_vma appears */
	ASSERT_EQ(0, mprotect(split + PAGE, PAGE, PROT_READ));
	ASSERT_EQ(0, read_module(getpid(), &s, 4096, err, sizeof(err)));

	l = find_line(&s, (unsigned long)anon);
	ASSERT_NE(NULL, l);
	EXPECT_STREQ("rw-p", l->perms);
	EXPECT_EQ(0, l->inode);
	ASSERT_EQ(0, find_vma_flags(getpid(), (unsigned long)anon, &v));
	EXPECT_EQ(1, v.anon_vma);

	l = find_line(&s, (unsigned long)file);
	ASSERT_NE(NULL, l);
	EXPECT_EQ((unsigned long)file, l->start);
	EXPECT_EQ((unsigned long)file + 2 * PAGE, l->end);
	EXPECT_STREQ("r--p", l->perms);
	EXPECT_EQ(PAGE, l->offset);
	EXPECT_STREQ(path, l->name);
	EXPECT_NE(0, l->inode);

	/* mprotect of the middle page: one VMA became three. */
	for (int i = 0; i < 3; i++) {
		l = find_line(&s, (unsigned long)split + i * PAGE);
		ASSERT_NE(NULL, l);
		EXPECT_EQ((unsigned long)split + i * PAGE, l->start);
		EXPECT_EQ((unsigned long)split + (i + 1) * PAGE, l->end);
		EXPECT_STREQ(i == 1 ? "r--p" : "rw-p", l->perms);
	}

	l = find_line(&s, (unsigned long)guard);
	ASSERT_NE(NULL, l);
	EXPECT_STREQ("---p", l->perms);

	ASSERT_EQ(0, find_vma_flags(getpid(), (unsigned long)grows, &v));
	EXPECT_TRUE(v.vm_flags & 0x100);	/* VM_GROWSDOWN */

	munmap(anon, 4 * PAGE);
	munmap(file, 2 * PAGE);
	munmap(split, 3 * PAGE);
	munmap(guard, PAGE);
	munmap(grows, 2 * PAGE);
	close(fd);
	unlink(path);
}

TEST(brk_growth_shows_in_brk_and_heap)
{
	static struct mapline mod[4096];
	struct snapshot s = { .lines = mod };
	char err[256];
	unsigned long long brk_before;
	const struct mapline *l;
	char *old;

	/*
	 * The reader's own buffers must not move the break: glibc would serve
	 * its 256 KiB one from the heap once it has freed one that large (its
	 * threshold adapts); a fixed threshold keeps it mapped.
	 */
	ASSERT_EQ(1, mallopt(M_MMAP_THRESHOLD, 128 * 1024));
	ASSERT_EQ(0, read_module(getpid(), &s, 4096, err, sizeof(err)));
	brk_before = s.mm.brk;
	old = sbrk(1 << 20);
	ASSERT_NE((void *)-1, old);
	ASSERT_EQ(0, read_module(getpid(), &s, 4096, err, sizeof(err)));
	EXPECT_EQ(brk_before + (1 << 20), s.mm.brk);
	l = find_line(&s, s.mm.brk - 1);
	ASSERT_NE(NULL, l);
	EXPECT_STREQ("[heap]", l->name);
	EXPECT_EQ((s.mm.brk + PAGE - 1) & ~(PAGE - 1), l->end);
	sbrk(-(1 << 20));
}

TEST(named_anonymous_region)
{
	static struct mapline mod[4096];
	struct snapshot s = { .lines = mod };
	char err[256];
	void *p = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	const struct mapline *l;

	ASSERT_NE(MAP_FAILED, p);
	if (prctl(PR_SET_VMA, PR_SET_VMA_ANON_NAME, p, PAGE, "pti-test")) {
		munmap(p, PAGE);
		SKIP(return, "kernel without CONFIG_ANON_VMA_NAME (prctl: %s)",
		     strerror(errno));
	}
	ASSERT_EQ(0, read_module(getpid(), &s, 4096, err, sizeof(err)));
	l = find_line(&s, (unsigned long)p);
	ASSERT_NE(NULL, l);
	EXPECT_STREQ("[anon:pti-test]", l->name);
	munmap(p, PAGE);
}

FIXTURE(big) {
	int unused;
};

FIXTURE_SETUP(big)
{
	self->unused = 0;
}

FIXTURE_TEARDOWN(big)
{
}

/* 60,000 VMAs, read 100 bytes at a time: each once, in order, all there.
 * 30,000 mprotect()s and 60,000 reads: well past the harness default on
 * the debug kernel under TCG (KASAN and lockdep), so a bound of its own.
 */
TEST_F_TIMEOUT(big, sixty_thousand_vmas_with_small_reads, 900)
{
	static struct mapline maps[MAX_VMAS];
	static char text[16 << 20];
	int pipefd[2], fd;
	pid_t child;
	char c, pid_text[16];
	size_t len = 0, nmaps, lines = 0;
	ssize_t got;
	unsigned long long last_end = 0;
	char *line, *save = NULL;

	ASSERT_EQ(0, pipe(pipefd));
	child = fork();
	if (child == 0) {
		/* Every second page read-only: each mprotect splits a run into
		 * three, so 30,000 calls over 60,000 pages make 60,000 VMAs.
		 */
		size_t pages = 60000;
		char *base = mmap(NULL, pages * PAGE, PROT_READ | PROT_WRITE,
				  MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);

		close(pipefd[0]);
		if (base == MAP_FAILED)
			_exit(1);
		for (size_t i = 0; i < pages; i += 2)
			if (mprotect(base + i * PAGE, PAGE, PROT_READ))
				_exit(2);
		write(pipefd[1], "x", 1);
		for (;;)
			pause();
	}
	/* Our write end closed: a child that fails gives EOF, not a hang. */
	close(pipefd[1]);
	ASSERT_EQ(1, read(pipefd[0], &c, 1));
	close(pipefd[0]);
	fd = open("/proc/ptinspect/vma", O_RDWR);
	ASSERT_GE(fd, 0);
	snprintf(pid_text, sizeof(pid_text), "%d", child);
	ASSERT_EQ((ssize_t)strlen(pid_text), write(fd, pid_text, strlen(pid_text)));
	while ((got = read(fd, text + len, 100)) > 0 && len < sizeof(text) - 200)
		len += (size_t)got;
	close(fd);
	text[len] = '\0';
	ASSERT_EQ(0, read_maps(child, maps, MAX_VMAS, &nmaps));
	ASSERT_GE(nmaps, 60000);
	/* Skip mm header, mm record and VMA header. */
	line = strtok_r(text, "\n", &save);
	line = strtok_r(NULL, "\n", &save);
	line = strtok_r(NULL, "\n", &save);
	while ((line = strtok_r(NULL, "\n", &save)) != NULL) {
		unsigned long long start, end;

		ASSERT_EQ(2, sscanf(line, "%llx %llx", &start, &end));
		EXPECT_GE(start, last_end);
		if (lines < nmaps) {
			EXPECT_EQ(maps[lines].start, start);
			EXPECT_EQ(maps[lines].end, end);
		}
		last_end = end;
		lines++;
		if (_metadata->passed == 0)
			break;
	}
	EXPECT_EQ(nmaps, lines);
	kill(child, SIGKILL);
	waitpid(child, NULL, 0);
}

static int choose(const char *text)
{
	int fd = open("/proc/ptinspect/vma", O_RDWR);
	int ret;

	if (fd < 0)
		return -errno;
	ret = write(fd, text, strlen(text)) < 0 ? -errno : 0;
	close(fd);
	return ret;
}

TEST(bad_pids_get_clear_errors)
{
	pid_t zombie = fork();
	char text[32], huge[4096];

	if (zombie == 0)
		_exit(0);
	usleep(200000);
	EXPECT_EQ(-ENXIO, choose("2"));		/* kthreadd: no mm */
	snprintf(text, sizeof(text), "%d", zombie);
	EXPECT_EQ(-ENXIO, choose(text));	/* zombie: mm gone */
	waitpid(zombie, NULL, 0);
	EXPECT_EQ(-ESRCH, choose(text));	/* reaped: no such pid */
	EXPECT_EQ(-EINVAL, choose("0"));
	EXPECT_EQ(-EINVAL, choose("-5"));
	EXPECT_EQ(-EINVAL, choose("abc"));
	EXPECT_EQ(-EINVAL, choose("12abc"));
	EXPECT_EQ(-EINVAL, choose("99999999"));
	EXPECT_EQ(-EINVAL, choose(""));
	memset(huge, '7', sizeof(huge) - 1);
	huge[sizeof(huge) - 1] = '\0';
	EXPECT_NE(0, choose(huge));
	EXPECT_EQ(0, choose("1\n"));
}

/* A process chosen, then gone before the read: the read fails cleanly. */
TEST(process_gone_before_read)
{
	pid_t child = fork();
	char text[32], buf[256];
	int fd;

	if (child == 0) {
		for (;;)
			pause();
	}
	fd = open("/proc/ptinspect/vma", O_RDWR);
	ASSERT_GE(fd, 0);
	snprintf(text, sizeof(text), "%d", child);
	ASSERT_EQ((ssize_t)strlen(text), write(fd, text, strlen(text)));
	kill(child, SIGKILL);
	waitpid(child, NULL, 0);
	EXPECT_EQ(-1, read(fd, buf, sizeof(buf)));
	EXPECT_EQ(ESRCH, errno);
	close(fd);
}

/* Writing a new pid rewinds: the next read shows the new process. */
TEST(rechoosing_rewinds)
{
	char buf[512];
	int fd = open("/proc/ptinspect/vma", O_RDWR);
	ssize_t n;

	ASSERT_GE(fd, 0);
	n = read(fd, buf, sizeof(buf) - 1);
	ASSERT_GT(n, 0);
	ASSERT_EQ(2, write(fd, "1\n", 2));
	n = read(fd, buf, sizeof(buf) - 1);
	ASSERT_GT(n, 0);
	buf[n] = '\0';
	/* Line 2 begins with the pid chosen. */
	EXPECT_EQ(0, strncmp(strchr(buf, '\n') + 1, "1 1 ", 4));
	close(fd);
}

/* A write that fails leaves the process chosen before it in place. */
TEST(failed_choice_keeps_the_one_before)
{
	static const char *const refused[] = { "abc", "2", "0", "99999999" };
	pid_t gone = fork();
	char buf[512], text[32];
	int fd;
	ssize_t n;

	if (gone == 0)
		_exit(0);
	ASSERT_EQ(gone, waitpid(gone, NULL, 0));
	fd = open("/proc/ptinspect/vma", O_RDWR);
	ASSERT_GE(fd, 0);
	ASSERT_EQ(2, write(fd, "1\n", 2));
	for (size_t i = 0; i < sizeof(refused) / sizeof(refused[0]); i++) {
		EXPECT_EQ(-1, write(fd, refused[i], strlen(refused[i])))
			TH_LOG("'%s'", refused[i]);
	}
	snprintf(text, sizeof(text), "%d", gone);
	EXPECT_EQ(-1, write(fd, text, strlen(text)));
	EXPECT_EQ(ESRCH, errno) TH_LOG("a reaped pid");
	EXPECT_EQ(0, lseek(fd, 0, SEEK_SET));
	n = read(fd, buf, sizeof(buf) - 1);
	ASSERT_GT(n, 0);
	buf[n] = '\0';
	EXPECT_EQ(0, strncmp(strchr(buf, '\n') + 1, "1 1 ", 4))
		TH_LOG("%s", buf);
	close(fd);
}

TEST(unprivileged_reader_is_refused)
{
	pid_t child = fork();
	int status;

	if (child == 0) {
		if (setgid(65534) || setuid(65534))
			_exit(10);
		_exit(open("/proc/ptinspect/vma", O_RDONLY) < 0 && errno == EACCES ? 0 : 11);
	}
	ASSERT_EQ(child, waitpid(child, &status, 0));
	EXPECT_EQ(0, WEXITSTATUS(status));
}

TEST_HARNESS_MAIN
