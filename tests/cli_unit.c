/* cli_unit.c - host tests of the CLI's parser, tree and marks: no module,
 * no guest.  Records are written out the way the module writes them.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include "harness.h"
#include <libsmartcols.h>
#include "json.h"
#include "lines.h"
#include "plain_table.h"
#include "pages.h"
#include "module_hint.h"
#include "options.h"
#include "records.h"
#include "runq.h"
#include "task_sort.h"
#include "tree.h"
#include "trace_print.h"
#include "view.h"
#include "view_text.h"
#include "wrap.h"
#include "task_marks.h"
#include "flag_names.h"
#include "vma.h"

/* Write @rec as a line of @cols, escaping as the module does. */
static void put_record(FILE *f, const struct pti_column *cols, size_t n,
		       const void *rec)
{
	for (size_t i = 0; i < n; i++) {
		char buf[512];

		pti_column_format(&cols[i], rec, buf, sizeof(buf));
		if (!buf[0])
			fputc('-', f);
		for (char *p = buf; *p; p++) {
			unsigned char c = (unsigned char)*p;

			if (c <= ' ' || c >= 0x7f || c == '\\')
				fprintf(f, "\\%03o", c);
			else
				fputc(c, f);
		}
		fputc(i + 1 < n ? ' ' : '\n', f);
	}
}

static void put_columns(FILE *f, const struct pti_column *cols, size_t n)
{
	for (size_t i = 0; i < n; i++)
		fprintf(f, "%s%c", cols[i].name, i + 1 < n ? ' ' : '\n');
}

static void put_line(FILE *f, const struct pti_task *t)
{
	put_record(f, pti_task_columns, PTI_TASK_NR_COLUMNS, t);
}

static void put_header(FILE *f)
{
	put_columns(f, pti_task_columns, PTI_TASK_NR_COLUMNS);
}

static struct pti_task task(int pid, int tgid, int ppid, char state,
			    const char *comm)
{
	struct pti_task t = { .pid = pid, .tgid = tgid, .ppid = ppid,
			      .leader = tgid, .threads = 1, .pgid = tgid,
			      .sid = tgid, .state = state, .has_mm = 1 };

	snprintf(t.comm, sizeof(t.comm), "%s", comm);
	t.policy = 0;	/* SCHED_NORMAL */
	return t;
}

/*
 * A set over whole records @t (@at: room for @n offsets), laid out as a
 * load of every column lays it (pti_task_set_full()); not to be freed.
 */
static void wrap_tasks(struct pti_task_set *set, struct pti_task *t,
		       uint32_t *at, size_t n)
{
	set->entries = (unsigned char *)t;
	set->at = at;
	set->n = n;
	for (size_t i = 0; i < n; i++)
		at[i] = (uint32_t)(i * sizeof(*t));
	memcpy(set->cols, pti_task_columns, sizeof(set->cols));
}

/* A few tasks as a set of every column, each a row of a flat table. */
struct flat_table {
	struct pti_task t[4];
	uint32_t at[4];
	struct pti_task_set set;
	struct pti_row rows[4];
};

/* Make the table of @f's first @n tasks, once their fields are set. */
static void flat_table_wrap(struct flat_table *f, size_t n)
{
	wrap_tasks(&f->set, f->t, f->at, n);
	for (size_t i = 0; i < n; i++)
		f->rows[i] = (struct pti_row){ pti_task_at(&f->set, i), -1 };
}

/* Set @name of a flags view's text @view, into @fn; 0 or -1. */
static int flag_names_from(const char *view, const char *name,
			   struct pti_flag_names *fn)
{
	FILE *in = fmemopen((void *)view, strlen(view), "r");
	char err[128];
	int ret;

	if (!in)
		return -1;
	ret = pti_flag_names_parse(in, name, fn, err, sizeof(err));
	fclose(in);
	return ret;
}

/* @set's record of @pid, when it keeps every column; NULL if none. */
static const struct pti_task *whole(const struct pti_task_set *set, int pid)
{
	return pti_task_record(set, pti_task_set_find(set, pid));
}

/* init(1) -> sh(10) -> {worker(11) with thread 12, zombie(13)};
 * kthreadd(2) -> kworker(3); orphan(20) under init, not a session leader.
 */
static FILE *sample(void)
{
	static char buf[1 << 16];
	FILE *f = fmemopen(buf, sizeof(buf), "w+");
	struct pti_task t[8];

	t[0] = task(1, 1, 0, 'S', "init");
	t[0].reaper = 1;
	t[1] = task(2, 2, 0, 'S', "kthreadd");
	t[2] = task(3, 3, 2, 'I', "kworker/0:0");
	for (int i = 1; i < 3; i++) {
		t[i].has_mm = 0;
		t[i].kthread = 1;
		t[i].flags = 0x00208000;	/* PF_KTHREAD | PF_NOFREEZE */
	}
	t[3] = task(10, 10, 1, 'S', "my shell");
	t[4] = task(11, 11, 10, 'R', "worker");
	t[4].threads = 2;
	t[5] = task(12, 11, 10, 'S', "worker-t");
	t[5].threads = 2;
	t[6] = task(13, 13, 10, 'Z', "gone");
	t[7] = task(20, 20, 1, 't', "adopted\\x");
	t[7].sid = 10;
	t[7].tracer = 10;
	put_header(f);
	/* Out of pid order on purpose: the parser sorts. */
	for (int i = 7; i >= 0; i--)
		put_line(f, &t[i]);
	fflush(f);
	rewind(f);
	return f;
}

TEST(parse_round_trip)
{
	struct pti_task_set set;
	char err[256];
	FILE *f = sample();

	ASSERT_EQ(0, pti_tasks_parse(f, &set, err, sizeof(err)));
	ASSERT_EQ(8, set.n);
	ASSERT_NE(NULL, pti_task_set_full(&set));
	EXPECT_EQ(1, pti_task_set_full(&set)[0].pid);
	EXPECT_STREQ("my shell", whole(&set, 10)->comm);
	EXPECT_STREQ("adopted\\x", whole(&set, 20)->comm);
	EXPECT_EQ('t', whole(&set, 20)->state);
	EXPECT_EQ(1, whole(&set, 2)->kthread);
	EXPECT_EQ(0x00208000, whole(&set, 2)->flags);
	EXPECT_EQ(NULL, pti_task_set_find(&set, 99));
	EXPECT_EQ(NULL, pti_task_set_find(&set, 0));
	EXPECT_EQ(NULL, pti_task_set_find(&set, 21));
	pti_task_set_free(&set);
	fclose(f);
}

static int parse_text(const char *text, char *err, size_t errlen)
{
	struct pti_task_set set;
	FILE *f = fmemopen((void *)text, strlen(text), "r");
	int ret = pti_tasks_parse(f, &set, err, errlen);

	if (!ret)
		pti_task_set_free(&set);
	fclose(f);
	return ret;
}

/* A header plus @line, with @old in the sample's first line replaced. */
static int parse_edited(const char *old, const char *new, char *err,
			size_t errlen)
{
	char text[1 << 16], out[1 << 16], *at;
	FILE *f = sample();
	size_t n = fread(text, 1, sizeof(text) - 1, f);

	fclose(f);
	text[n] = '\0';
	at = strstr(text, old);
	if (!at)
		return 99;
	snprintf(out, sizeof(out), "%.*s%s%s", (int)(at - text), text, new,
		 at + strlen(old));
	return parse_text(out, err, errlen);
}

TEST(parse_rejects_bad_input)
{
	char err[256];

	EXPECT_EQ(-1, parse_text("", err, sizeof(err)));
	EXPECT_NE(NULL, strstr(err, "empty"));
	EXPECT_EQ(-1, parse_text("pid tgid\n1 1\n", err, sizeof(err)));
	EXPECT_NE(NULL, strstr(err, "no column"));
	EXPECT_EQ(-1, parse_edited("my\\040shell", "my\\040shell extra", err, sizeof(err)));
	EXPECT_NE(NULL, strstr(err, "expected"));
	EXPECT_EQ(-1, parse_edited("\n20 20 1 ", "\n2x0 20 1 ", err, sizeof(err)));
	EXPECT_NE(NULL, strstr(err, "bad pid"));
	EXPECT_EQ(-1, parse_edited("\n20 20 1 ", "\n99999999999 20 1 ", err, sizeof(err)));
	EXPECT_EQ(-1, parse_edited("my\\040shell", "my\\9shell", err, sizeof(err)));
	EXPECT_NE(NULL, strstr(err, "bad comm"));
}

/* A newer module's extra column is skipped, not an error. */
TEST(parse_skips_unknown_columns)
{
	char text[1 << 16], wider[1 << 17], err[256];
	struct pti_task_set set;
	FILE *f = sample();
	size_t n = fread(text, 1, sizeof(text) - 1, f), len = 0;

	fclose(f);
	text[n] = '\0';
	for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n"))
		len += (size_t)snprintf(wider + len, sizeof(wider) - len, "%s %s\n",
					line, len ? "7" : "newcol");
	f = fmemopen(wider, len, "r");
	ASSERT_EQ(0, pti_tasks_parse(f, &set, err, sizeof(err)));
	fclose(f);
	EXPECT_EQ(8, set.n);
	EXPECT_STREQ("my shell", whole(&set, 10)->comm);
	pti_task_set_free(&set);
}

static void shape(const struct pti_row *rows, size_t n, char *out, size_t size)
{
	size_t len = 0;

	out[0] = '\0';
	for (size_t i = 0; i < n; i++)
		len += (size_t)snprintf(out + len, size - len, "%d<%d ",
					pti_task_pid(rows[i].task),
					rows[i].parent < 0 ? 0 :
					pti_task_pid(rows[rows[i].parent].task));
}

TEST(tree_shapes)
{
	struct pti_task_set set;
	struct pti_row *rows;
	size_t n;
	char err[256], got[512];
	FILE *f = sample();

	ASSERT_EQ(0, pti_tasks_parse(f, &set, err, sizeof(err)));
	fclose(f);
	ASSERT_EQ(0, pti_tree_rows(&set, false, 0, NULL, &rows, &n, err, sizeof(err)));
	shape(rows, n, got, sizeof(got));
	EXPECT_STREQ("1<0 10<1 11<10 13<10 20<1 2<0 3<2 ", got);
	free(rows);
	ASSERT_EQ(0, pti_tree_rows(&set, true, 10, NULL, &rows, &n, err, sizeof(err)));
	shape(rows, n, got, sizeof(got));
	EXPECT_STREQ("10<0 11<10 12<11 13<10 ", got);
	free(rows);
	/* A thread's pid selects its process. */
	ASSERT_EQ(0, pti_tree_rows(&set, false, 12, NULL, &rows, &n, err, sizeof(err)));
	shape(rows, n, got, sizeof(got));
	EXPECT_STREQ("11<0 ", got);
	free(rows);
	EXPECT_EQ(-1, pti_tree_rows(&set, false, 777, NULL, &rows, &n, err, sizeof(err)));
	EXPECT_STREQ("no task with pid 777", err);
	pti_task_set_free(&set);
}

/* The tasks of @set in @order, each its state and pid: "S1 R11 ". */
static void order_text(const struct pti_task_set *set, const size_t *order,
		       char *out, size_t size)
{
	size_t len = 0;

	out[0] = '\0';
	for (size_t i = 0; i < set->n; i++)
		len += (size_t)snprintf(out + len, size - len, "%c%d ",
					(char)pti_task_get(set,
						pti_task_at(set, order[i]),
						PTI_TASK_STATE),
					pti_task_pid(pti_task_at(set, order[i])));
}

/*
 * @key for sorting @set by column @name, the column list freed at once:
 * the key keeps only @set's own column.  0, or -1 for a name refused.
 */
static int key_by(struct pti_sort_key *key, const struct pti_task_set *set,
		  const char *name)
{
	struct pti_column_list by;
	char err[128];

	if (pti_column_list_parse(&by, &pti_task_model, name, 1, err,
				  sizeof(err)))
		return -1;
	pti_sort_key_init(key, &by.cols[0], set);
	pti_column_list_free(&by);
	return 0;
}

/* --sort: rows by a column, ties by pid; a tree's siblings likewise. */
TEST(sort_orders_rows_and_siblings)
{
	struct pti_task_set set;
	struct pti_column_list by;
	struct pti_sort_key key;
	struct pti_row *rows;
	size_t n, *order;
	char err[256], got[512];
	FILE *f = sample();

	ASSERT_EQ(0, pti_tasks_parse(f, &set, err, sizeof(err)));
	fclose(f);
	/* one column of the model, refused when unknown */
	EXPECT_EQ(-1, pti_column_list_parse(&by, &pti_task_model, "bogus", 1,
					    err, sizeof(err)));
	EXPECT_EQ(-1, pti_column_list_parse(&by, &pti_task_model, "pid,comm",
					    1, err, sizeof(err)));
	ASSERT_EQ(0, key_by(&key, &set, "comm"));
	order = pti_sort_order(&key);
	ASSERT_NE(NULL, order);
	order_text(&set, order, got, sizeof(got));
	EXPECT_STREQ("t20 Z13 S1 S2 I3 S10 R11 S12 ", got);
	ASSERT_EQ(0, pti_tree_rows(&set, false, 0, order, &rows, &n, err,
				   sizeof(err)));
	shape(rows, n, got, sizeof(got));
	EXPECT_STREQ("1<0 20<1 10<1 13<10 11<10 2<0 3<2 ", got);
	free(rows);
	free(order);
	/* numbers as numbers, and ties by pid: state S before Z, t last */
	ASSERT_EQ(0, key_by(&key, &set, "state"));
	order = pti_sort_order(&key);
	ASSERT_NE(NULL, order);
	order_text(&set, order, got, sizeof(got));
	EXPECT_STREQ("I3 R11 S1 S2 S10 S12 Z13 t20 ", got);
	free(order);
	ASSERT_EQ(0, key_by(&key, &set, "mark"));
	order = pti_sort_order(&key);
	ASSERT_NE(NULL, order);
	/* no mark sorts first */
	EXPECT_EQ(10, pti_task_pid(pti_task_at(&set, order[0])));
	free(order);
	/* a column shown by name sorts by the number it names */
	ASSERT_EQ(0, key_by(&key, &set, "flag_names"));
	EXPECT_EQ(&set.cols[PTI_TASK_FLAGS], key.col);
	ASSERT_EQ(0, key_by(&key, &set, "policy"));
	EXPECT_EQ(&set.cols[PTI_TASK_POLICY], key.col);
	pti_task_set_free(&set);
}

/* A racy snapshot with a parent loop still lists every task once. */
TEST(tree_survives_loop)
{
	struct pti_task t[2] = { task(5, 5, 6, 'S', "a"), task(6, 6, 5, 'S', "b") };
	uint32_t at[2];
	struct pti_task_set set;
	struct pti_row *rows;
	size_t n;
	char err[64], got[64];

	wrap_tasks(&set, t, at, 2);
	ASSERT_EQ(0, pti_tree_rows(&set, false, 0, NULL, &rows, &n, err, sizeof(err)));
	shape(rows, n, got, sizeof(got));
	EXPECT_STREQ("5<0 6<5 ", got);
	free(rows);
}

TEST(marks)
{
	struct pti_task_set set;
	char err[256], m[128];
	FILE *f = sample();

	ASSERT_EQ(0, pti_tasks_parse(f, &set, err, sizeof(err)));
	fclose(f);
	pti_task_marks(&set, pti_task_set_find(&set, 13), m, sizeof(m));
	EXPECT_STREQ("zombie", m);
	pti_task_marks(&set, pti_task_set_find(&set, 20), m, sizeof(m));
	EXPECT_STREQ("orphan,traced", m);
	pti_task_marks(&set, pti_task_set_find(&set, 10), m, sizeof(m));
	EXPECT_STREQ("", m);
	pti_task_marks(&set, pti_task_set_find(&set, 3), m, sizeof(m));
	EXPECT_STREQ("kthread", m);
	pti_task_marks(&set, pti_task_set_find(&set, 12), m, sizeof(m));
	EXPECT_STREQ("thread", m);
	pti_task_marks(&set, pti_task_set_find(&set, 1), m, sizeof(m));
	EXPECT_STREQ("reaper", m);
	/* a short buffer keeps what fits, as snprintf would */
	for (size_t size = 1; size <= 14; size++) {
		char want[16];

		memset(m, 'x', sizeof(m));
		snprintf(want, size, "%s", "orphan,traced");
		pti_task_marks(&set, pti_task_set_find(&set, 20), m, size);
		EXPECT_STREQ(want, m) TH_LOG("size %zu", size);
		EXPECT_EQ('x', m[size]) TH_LOG("size %zu", size);
	}
	pti_task_set_free(&set);
}

/*
 * A table measures a number column without formatting it: the width it
 * computes is the length pti_column_format() gives, for every type and
 * the values where a digit is gained or a sign added.
 */
TEST(column_width_is_the_formatted_length)
{
	static const uint64_t values[] = {
		0, 1, 9, 10, 99, 100, 0xf, 0x10, 0xff, 0x100, 999999999,
		1000000000, 0x7fffffff, 0x80000000, 0xffffffff, 0x100000000,
		9999999999999999999ULL, 10000000000000000000ULL,
		0x7fffffffffffffffULL, 0x8000000000000000ULL, UINT64_MAX,
		(uint64_t)-1 << 31, (uint64_t)-10, (uint64_t)-9,
	};
	static const enum pti_value_type types[] = {
		PTI_T_S32, PTI_T_U32, PTI_T_HEX32, PTI_T_U64, PTI_T_S64,
		PTI_T_HEX64, PTI_T_KPTR, PTI_T_CHAR,
	};
	union { uint64_t u64; uint32_t u32; char c; char text[8]; } rec;
	char buf[64];

	for (size_t t = 0; t < sizeof(types) / sizeof(types[0]); t++) {
		struct pti_column col = { .name = "x", .type = types[t],
					  .size = sizeof(rec) };

		for (size_t v = 0; v < sizeof(values) / sizeof(values[0]); v++) {
			size_t len;

			memset(&rec, 0, sizeof(rec));
			if (types[t] == PTI_T_S32 || types[t] == PTI_T_U32 ||
			    types[t] == PTI_T_HEX32)
				rec.u32 = (uint32_t)values[v];
			else if (types[t] == PTI_T_CHAR)
				rec.c = (char)values[v];
			else
				rec.u64 = values[v];
			len = pti_column_format(&col, &rec, buf, sizeof(buf));
			EXPECT_EQ(len, pti_column_width(&col, &rec))
				TH_LOG("type %d value %#llx: '%s'", types[t],
				       (unsigned long long)values[v], buf);
		}
	}
	/* a word fills its member without a NUL */
	memcpy(rec.text, "abcdefgh", sizeof(rec.text));
	{
		struct pti_column col = { .name = "w", .type = PTI_T_WORD,
					  .size = sizeof(rec.text) };

		EXPECT_EQ(8, pti_column_width(&col, &rec));
		EXPECT_EQ(8, pti_column_format(&col, &rec, buf, sizeof(buf)));
	}
}

/*
 * A parser told to keep some columns parses only those; every field's
 * text stays at hand, by column, whichever columns are parsed.
 */
TEST(parser_keeps_only_wanted_columns)
{
	char header[] = "start end perms vm_flags offset dev_major dev_minor "
			"inode anon_vma extra name\n";
	char line[] = "0x1000 0x3000 r-xp 0x75 0x0 8 1 42 1 new a\\040b\n";
	char *fields[PTI_MAX_FIELDS];
	size_t lens[PTI_MAX_FIELDS];
	struct pti_parser p = { 0 };
	struct pti_vma v = { 0 };
	char err[128];

	ASSERT_EQ(0, pti_parser_header(&p, pti_vma_columns, PTI_VMA_NR_COLUMNS,
				       header, err, sizeof(err)));
	/* a column index, as the vma columns' table has it */
	pti_parser_keep(&p, 1ULL << PTI_VMA_END | 1ULL << PTI_VMA_NAME);
	ASSERT_EQ(0, pti_parser_fields(&p, line, &v, fields, lens, err,
				       sizeof(err))) TH_LOG("%s", err);
	EXPECT_EQ(0, v.start);
	EXPECT_EQ(0x3000, v.end);
	EXPECT_STREQ("", v.perms);
	EXPECT_EQ(0, v.inode);
	EXPECT_STREQ("a b", v.name);
	EXPECT_STREQ("0x1000", fields[p.field_of[PTI_VMA_START]]);
	EXPECT_STREQ("r-xp", fields[p.field_of[PTI_VMA_PERMS]]);
	EXPECT_STREQ("42", fields[p.field_of[PTI_VMA_INODE]]);
	EXPECT_STREQ("a\\040b", fields[p.field_of[PTI_VMA_NAME]]);
	EXPECT_EQ(6, lens[p.field_of[PTI_VMA_START]]);
	EXPECT_EQ(4, lens[p.field_of[PTI_VMA_PERMS]]);
	EXPECT_EQ(6, lens[p.field_of[PTI_VMA_NAME]]);
}

/*
 * A view asked for some columns lacks the others: those may be missing
 * from its header, a column still wanted may not.
 */
TEST(parser_header_of_some_columns)
{
	char header[] = "pid state comm\n", again[] = "pid state comm\n";
	char line[] = "42 S sh\n";
	uint64_t some = 1ULL << PTI_TASK_PID | 1ULL << PTI_TASK_STATE |
			1ULL << PTI_TASK_COMM;
	struct pti_parser p = { 0 };
	struct pti_task t = { 0 };
	char err[128];

	ASSERT_EQ(0, pti_parser_header_of(&p, pti_task_columns,
					  PTI_TASK_NR_COLUMNS,
					  PTI_TASK_ALL_COLUMNS & ~some, header,
					  err, sizeof(err))) TH_LOG("%s", err);
	pti_parser_keep(&p, some);
	ASSERT_EQ(0, pti_parser_record(&p, line, &t, err, sizeof(err)));
	EXPECT_EQ(42, t.pid);
	EXPECT_EQ('S', t.state);
	EXPECT_STREQ("sh", t.comm);
	/* name was asked for, and is missing */
	EXPECT_EQ(-1, pti_parser_header_of(&p, pti_task_columns,
					   PTI_TASK_NR_COLUMNS,
					   PTI_TASK_ALL_COLUMNS & ~some &
					   ~(1ULL << PTI_TASK_NAME), again,
					   err, sizeof(err)));
	EXPECT_NE(NULL, strstr(err, "no column 'name'"));
}

/*
 * A command parses only the columns it reads: what marks and the tree
 * declare they read gives the marks and the tree of the whole records.
 */
TEST(tasks_load_parses_only_what_is_read)
{
	char dir[] = "/tmp/pti-tasks-XXXXXX", path[64], line[4096];
	char err[256], a[512], b[512];
	struct pti_task_set all, some;
	struct pti_column_list by;
	struct pti_source src = { .proc_dir = dir };
	struct pti_row *rows;
	size_t n;
	FILE *in = sample(), *out;

	ASSERT_NE(NULL, mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/tasks", dir);
	out = fopen(path, "w");
	ASSERT_NE(NULL, out);
	while (fgets(line, sizeof(line), in))
		fputs(line, out);
	fclose(out);
	fclose(in);
	ASSERT_EQ(0, pti_tasks_load(&src, &all, PTI_TASK_ALL_COLS, err,
				    sizeof(err))) TH_LOG("%s", err);
	/* comm alone: and pid, the set's order; nothing else */
	ASSERT_EQ(0, pti_tasks_load(&src, &some, PTI_TASK_COL(COMM), err,
				    sizeof(err))) TH_LOG("%s", err);
	ASSERT_EQ(all.n, some.n);
	EXPECT_STREQ("my shell", pti_task_text(&some, pti_task_set_find(&some, 10),
					       PTI_TASK_COMM));
	EXPECT_EQ(0, pti_task_get(&some, pti_task_set_find(&some, 10),
				  PTI_TASK_PPID));
	EXPECT_EQ(0, pti_task_get(&some, pti_task_set_find(&some, 2),
				  PTI_TASK_KTHREAD));
	EXPECT_STREQ("", pti_task_text(&some, pti_task_set_find(&some, 2),
				       PTI_TASK_NAME));
	/*
	 * An entry holds pid and comm as long as it is (read in, entries
	 * follow one another as the lines came), indexed in pid order.
	 */
	EXPECT_EQ(NULL, pti_task_set_full(&some));
	for (size_t i = 0; i + 1 < some.n; i++) {
		uint32_t next = UINT32_MAX;
		const char *comm = pti_task_text(&some, pti_task_at(&some, i),
						 PTI_TASK_COMM);

		for (size_t k = 0; k < some.n; k++)
			if (some.at[k] > some.at[i] && some.at[k] < next)
				next = some.at[k];
		if (next != UINT32_MAX)
			EXPECT_EQ((sizeof(int32_t) + strlen(comm) + 1 + 3) / 4 * 4,
				  next - some.at[i]) TH_LOG("%s", comm);
		EXPECT_LT(pti_task_pid(pti_task_at(&some, i)),
			  pti_task_pid(pti_task_at(&some, i + 1)));
	}
	pti_task_set_free(&some);
	/*
	 * Each column alone, and every column but one (laid out packed, not
	 * as struct pti_task), reads back as the whole record has it.
	 */
	for (size_t k = 0; k < 2 * PTI_TASK_NR_COLUMNS; k++) {
		size_t id = k % PTI_TASK_NR_COLUMNS;
		pti_task_cols keep = k < PTI_TASK_NR_COLUMNS ?
			(pti_task_cols)1 << id :
			PTI_TASK_ALL_COLUMNS & ~((pti_task_cols)1 << id);

		if (id == PTI_TASK_PID && keep != 1)
			continue;	/* pid is always kept */
		ASSERT_EQ(0, pti_tasks_load(&src, &some, keep, err,
					    sizeof(err))) TH_LOG("%s", err);
		ASSERT_EQ(all.n, some.n);
		EXPECT_EQ(NULL, pti_task_set_full(&some));
		for (size_t c = 0; c < PTI_TASK_NR_COLUMNS; c++) {
			const struct pti_column *col = &pti_task_columns[c];

			if (!(keep & ((pti_task_cols)1 << c)))
				continue;
			for (size_t i = 0; i < all.n; i++) {
				const struct pti_task_entry *x = pti_task_at(&all, i);
				const struct pti_task_entry *y = pti_task_at(&some, i);

				pti_column_format(pti_task_set_column(&all, col), x,
						  a, sizeof(a));
				pti_column_format(pti_task_set_column(&some, col), y,
						  b, sizeof(b));
				EXPECT_STREQ(a, b) TH_LOG("%s, kept %#llx",
							  col->name,
							  (unsigned long long)keep);
				EXPECT_EQ(pti_task_get(&all, x, c),
					  pti_task_get(&some, y, c));
			}
		}
		pti_task_set_free(&some);
	}
	ASSERT_EQ(0, pti_tasks_load(&src, &some, PTI_MARK_COLS, err,
				    sizeof(err))) TH_LOG("%s", err);
	for (size_t i = 0; i < all.n; i++) {
		pti_task_marks(&all, pti_task_at(&all, i), a, sizeof(a));
		pti_task_marks(&some, pti_task_at(&some, i), b, sizeof(b));
		EXPECT_STREQ(a, b) TH_LOG("pid %d", pti_task_pid(pti_task_at(&all, i)));
	}
	pti_task_set_free(&some);
	ASSERT_EQ(0, pti_tasks_load(&src, &some, PTI_TREE_COLS, err,
				    sizeof(err))) TH_LOG("%s", err);
	ASSERT_EQ(0, pti_tree_rows(&all, true, 0, NULL, &rows, &n, err,
				   sizeof(err)));
	shape(rows, n, a, sizeof(a));
	free(rows);
	ASSERT_EQ(0, pti_tree_rows(&some, true, 0, NULL, &rows, &n, err,
				   sizeof(err)));
	shape(rows, n, b, sizeof(b));
	free(rows);
	EXPECT_STREQ(a, b);
	pti_task_set_free(&some);
	pti_task_set_free(&all);
	/* a derived column reads the columns its cells are made from */
	ASSERT_EQ(0, pti_column_list_parse(&by, &pti_task_model, "mark,policy",
					   2, err, sizeof(err)));
	EXPECT_EQ(PTI_MARK_COLS | PTI_TASK_COL(POLICY), pti_view_reads(&by));
	pti_column_list_free(&by);
	snprintf(line, sizeof(line), "rm -rf %s", dir);
	EXPECT_EQ(0, system(line));
}

static int parse_task_columns(struct pti_column_list *l, const char *list,
			      char *err, size_t errlen)
{
	return pti_column_list_parse(l, &pti_task_model, list,
				     PTI_COLUMN_LIST_MAX, err, errlen);
}

/*
 * A -o list is resolved to columns once, at parse time: what is shown,
 * what is read and which names views are needed all come from it; an
 * unknown name, an empty list or too many columns are refused there.
 */
TEST(view_columns_resolved_at_parse)
{
	struct pti_column_list v;
	char err[128], list[4 * PTI_COLUMN_LIST_MAX + 8] = "";

	ASSERT_EQ(0, parse_task_columns(&v, "pid,flag_names,mark,pid", err,
					sizeof(err)));
	ASSERT_EQ(4, v.n);
	EXPECT_STREQ("pid", v.cols[0].name);
	EXPECT_EQ(0, pti_out_column_id(&v.cols[0]));
	EXPECT_EQ(pti_task_column_find("pid"), v.cols[0].col);
	EXPECT_EQ(PTI_TASK_DERIVED_FLAG_NAMES, pti_out_column_id(&v.cols[1]));
	EXPECT_EQ(NULL, v.cols[1].col);
	EXPECT_EQ(PTI_TASK_DERIVED_MARK, pti_out_column_id(&v.cols[2]));
	EXPECT_STREQ("pid", v.cols[3].name);
	EXPECT_EQ(PTI_TASK_COL(PID) | PTI_TASK_COL(FLAGS) | PTI_MARK_COLS,
		  pti_view_reads(&v));
	EXPECT_TRUE(pti_column_list_has(&v, PTI_TASK_DERIVED_FLAG_NAMES));
	EXPECT_FALSE(pti_column_list_has(&v, PTI_TASK_DERIVED_POLICY));
	/* 0 names no derived column, though every record column has it */
	EXPECT_FALSE(pti_column_list_has(&v, 0));
	pti_column_list_free(&v);
	EXPECT_EQ(0, v.n);
	/* policy is a record column shown by name: derived, reads policy */
	ASSERT_EQ(0, parse_task_columns(&v, "policy", err, sizeof(err)));
	EXPECT_EQ(PTI_TASK_DERIVED_POLICY, pti_out_column_id(&v.cols[0]));
	EXPECT_EQ(PTI_TASK_COL(POLICY), pti_view_reads(&v));
	pti_column_list_free(&v);

	EXPECT_EQ(-1, parse_task_columns(&v, "pid,flag_name", err,
					 sizeof(err)));
	EXPECT_STREQ("unknown column 'flag_name'", err);
	EXPECT_EQ(-1, parse_task_columns(&v, ",,", err, sizeof(err)));
	EXPECT_STREQ("empty or too long column list ',,'", err);
	for (int i = 0; i < PTI_COLUMN_LIST_MAX; i++)
		strcat(list, "pid,");
	ASSERT_EQ(0, parse_task_columns(&v, list, err, sizeof(err)));
	EXPECT_EQ(PTI_COLUMN_LIST_MAX, v.n);
	pti_column_list_free(&v);
	strcat(list, "pid");
	EXPECT_EQ(-1, parse_task_columns(&v, list, err, sizeof(err)));
	/* a view's own limit */
	EXPECT_EQ(-1, pti_column_list_parse(&v, &pti_task_model, "pid,comm", 1,
					    err, sizeof(err)));
}

/* Print one tracer record to a string, as the CLI would. */
static int trace_line(const struct pti_trace_event *e, size_t size, bool json,
		      char *out, size_t outlen)
{
	struct pti_trace_printer p = { .json = json, .header_done = true };
	FILE *f = fmemopen(out, outlen, "w");
	int ret;

	p.out = f;
	ret = pti_trace_print(&p, e, size);
	fclose(f);
	return ret;
}

TEST(trace_records_as_json_and_text)
{
	struct pti_trace_event e = {
		.ts_ns = 5000000000ULL, .kind = PTI_EV_EXIT, .cpu = 1,
		.task = { .pid = 42, .tgid = 40, .ppid = 1, .ns_pid = 3,
			  .ns_tgid = 1, .comm = "a\"b" },
		.exit = { .exit_code = 0x89, .group_dead = 0, .leader = 0,
			  .fate = PTI_FATE_AUTOREAP },
	};
	size_t exit_size = offsetof(struct pti_trace_event, exit) +
			   sizeof(e.exit);
	char out[1024];

	ASSERT_EQ(0, trace_line(&e, exit_size, true, out, sizeof(out)));
	EXPECT_NE(NULL, strstr(out, "\"type\": \"exit\""));
	EXPECT_NE(NULL, strstr(out, "\"comm\": \"a\\\"b\""));
	EXPECT_NE(NULL, strstr(out, "\"status\": null, \"signal\": \"SIGKILL\", \"core\": true"));
	EXPECT_NE(NULL, strstr(out, "\"scope\": \"thread\""));
	EXPECT_NE(NULL, strstr(out, "\"fate\": \"autoreap\""));
	EXPECT_NE(NULL, strstr(out, "\"ns_pid\": 3"));
	ASSERT_EQ(0, trace_line(&e, exit_size, false, out, sizeof(out)));
	EXPECT_NE(NULL, strstr(out, " exit ")) TH_LOG("%s", out);
	EXPECT_NE(NULL, strstr(out, "nspid=3 thread signal=SIGKILL core -> autoreap"))
		TH_LOG("%s", out);
	/* A record shorter than its kind, or of no kind, is refused. */
	EXPECT_EQ(-1, trace_line(&e, exit_size - 1, true, out, sizeof(out)));
	e.kind = 99;
	EXPECT_EQ(-1, trace_line(&e, sizeof(e), true, out, sizeof(out)));
	EXPECT_EQ(-1, trace_line(&e, 8, true, out, sizeof(out)));
}

TEST(trace_words)
{
	unsigned int mask;
	char bad[32], buf[64];

	ASSERT_EQ(0, pti_trace_parse_events("fork,reap", &mask, bad, sizeof(bad)));
	EXPECT_EQ(PTI_EV_BIT(PTI_EV_FORK) | PTI_EV_BIT(PTI_EV_REAP), mask);
	EXPECT_EQ(-1, pti_trace_parse_events("fork,nope", &mask, bad, sizeof(bad)));
	EXPECT_STREQ("nope", bad);
	EXPECT_EQ(-1, pti_trace_parse_events(",", &mask, bad, sizeof(bad)));
	EXPECT_EQ('R', pti_state_letter(0));
	EXPECT_EQ('S', pti_state_letter(1));
	EXPECT_EQ('D', pti_state_letter(2));
	EXPECT_EQ('I', pti_state_letter(0x402));
	EXPECT_EQ('X', pti_state_letter(0x80));
	pti_exit_status_text(7 << 8, buf, sizeof(buf));
	EXPECT_STREQ("status=7", buf);
	pti_exit_status_text(9, buf, sizeof(buf));
	EXPECT_STREQ("signal=SIGKILL", buf);
	EXPECT_STREQ("vfork", pti_fork_kind_name(PTI_FORK_VFORK));
	EXPECT_STREQ("replaced", pti_exit_fate_name(PTI_FATE_REPLACED));
}

/* The module's words for its own classes read back as their numbers. */
TEST(words_read_back_as_their_numbers)
{
	static const char *const relations[] = PTI_RELATION_WORDS;
	struct pti_se se = { .sched_class = "rt", .kind = "server" };

	EXPECT_EQ(PTI_SE_CLASS_RT, pti_se_class_of(&se));
	EXPECT_EQ(PTI_SE_KIND_SERVER, pti_se_kind_of(&se));
	strcpy(se.sched_class, "cfs");
	strcpy(se.kind, "group");
	EXPECT_EQ(PTI_SE_CLASS_CFS, pti_se_class_of(&se));
	EXPECT_EQ(PTI_SE_KIND_GROUP, pti_se_kind_of(&se));
	/* a newer module's word is none of them */
	strcpy(se.sched_class, "ext");
	strcpy(se.kind, "");
	EXPECT_EQ(PTI_SE_NR_CLASSES, pti_se_class_of(&se));
	EXPECT_EQ(PTI_SE_NR_KINDS, pti_se_kind_of(&se));
	EXPECT_EQ(PTI_RELATION_THREAD,
		  pti_word_id(relations, PTI_NR_RELATIONS, "thread"));
	EXPECT_EQ(PTI_NR_RELATIONS,
		  pti_word_id(relations, PTI_NR_RELATIONS, "sibling"));
	EXPECT_EQ(PTI_LEVEL_PTE, pti_pt_level_of("pte"));
	EXPECT_EQ(PTI_LEVEL_P4D, pti_pt_level_of("p4d"));
	EXPECT_EQ(PTI_NR_LEVELS, pti_pt_level_of("pte4"));
	EXPECT_EQ(PTI_STATE_SWAP, pti_page_state_of("swap"));
	EXPECT_EQ(PTI_STATE_OTHER, pti_page_state_of("other"));
	EXPECT_EQ(PTI_NR_STATES, pti_page_state_of("table"));
	EXPECT_EQ(PTI_RESULT_TABLE, pti_walk_result_of("table"));
	EXPECT_EQ(PTI_NR_RESULTS, pti_walk_result_of("swap"));
}

/*
 * A runqueue view with a CFS group, an RT and a DL task, written as the
 * module writes it: parsed back, and absent fields become JSON
 * null, never a made-up 0.
 */
TEST(runqueues_parse_and_absent_fields_are_null)
{
	static char text[1 << 14];
	struct pti_rq rq = { .cpu = 1, .nr_running = 3, .nr_switches = 100,
			     .clock = 5000, .curr_pid = 7, .entities = 4,
			     .absent = "deadline,vlag,slice,delayed",
			     .curr_comm = "rt hog" };
	struct pti_se se[4] = {
		{ .cpu = 1, .index = 0, .parent = -1, .sched_class = "cfs",
		  .kind = "group", .vruntime = 900, .group = "/a b" },
		{ .cpu = 1, .index = 1, .parent = 0, .depth = 1,
		  .sched_class = "cfs", .kind = "task", .curr = 1, .pid = 8,
		  .prio = 120, .vruntime = 50, .comm = "spin" },
		{ .cpu = 1, .index = 2, .parent = -1, .sched_class = "rt",
		  .kind = "task", .curr = 1, .pid = 7, .prio = 89,
		  .comm = "rt hog" },
		{ .cpu = 1, .index = 3, .parent = -1, .sched_class = "dl",
		  .kind = "task", .pid = 9, .prio = -1, .deadline = 123456,
		  .comm = "dl" },
	};
	FILE *in = fmemopen(text, sizeof(text), "w+");
	char err[256] = "", out[8192];
	struct pti_runq q;
	struct pti_json j;
	FILE *f;

	put_columns(in, pti_rq_columns, PTI_RQ_NR_COLUMNS);
	put_record(in, pti_rq_columns, PTI_RQ_NR_COLUMNS, &rq);
	put_columns(in, pti_se_columns, PTI_SE_NR_COLUMNS);
	for (int i = 0; i < 4; i++)
		put_record(in, pti_se_columns, PTI_SE_NR_COLUMNS, &se[i]);
	fputs("\n", in);
	fflush(in);
	rewind(in);
	ASSERT_EQ(0, pti_runq_parse(in, &q, err, sizeof(err))) TH_LOG("%s", err);
	fclose(in);
	ASSERT_EQ(1, q.n);
	ASSERT_EQ(4, q.cpus[0].n);
	EXPECT_STREQ("rt hog", q.cpus[0].rq.curr_comm);
	EXPECT_STREQ("/a b", q.cpus[0].se[0].group);
	EXPECT_STREQ("rt", q.cpus[0].se[2].sched_class);
	EXPECT_EQ(89, q.cpus[0].se[2].prio);
	EXPECT_EQ(-1, q.cpus[0].se[3].prio);
	EXPECT_EQ(123456, q.cpus[0].se[3].deadline);
	EXPECT_TRUE(pti_list_has(q.cpus[0].rq.absent, ',', "vlag"));
	EXPECT_FALSE(pti_list_has(q.cpus[0].rq.absent, ',', "lag"));
	EXPECT_FALSE(pti_list_has(q.cpus[0].rq.absent, ',', "dead"));

	f = fmemopen(out, sizeof(out), "w");
	pti_json_begin(&j, f, PTI_JSON_LINE);
	pti_json_columns(&j, pti_se_columns, PTI_SE_NR_COLUMNS,
			 &q.cpus[0].se[1], q.cpus[0].rq.absent);
	pti_json_end(&j);
	fclose(f);
	EXPECT_NE(NULL, strstr(out, "\"vlag\": null, \"slice\": null, \"delayed\": null"))
		TH_LOG("%s", out);
	EXPECT_NE(NULL, strstr(out, "\"deadline\": null")) TH_LOG("%s", out);
	EXPECT_NE(NULL, strstr(out, "\"vruntime\": 50, \"lag\": 0")) TH_LOG("%s", out);
	pti_runq_free(&q);
}

/* Run @fn into a string, as json.h writes to a stream. */
static char *json_text(void (*fn)(FILE *out), size_t *len)
{
	char *text = NULL;
	FILE *f = open_memstream(&text, len);

	fn(f);
	fclose(f);
	return text;
}

/* A small tree of three rows with a number, an empty cell and escapes. */
static struct libscols_table *sample_table(FILE *out)
{
	static const char *const cells[][2] = {
		{ "1", "init" }, { "20", "a \"quoted\\ name\t\x01\x7f\xc3\xa9" },
		{ "", "" }, { "4", "last" },
	};
	struct libscols_table *tb = scols_new_table();
	struct libscols_line *ln[4];
	struct libscols_column *cl;

	scols_table_enable_json(tb, 1);
	scols_table_set_name(tb, "tasks");
	scols_table_set_stream(tb, out);
	cl = scols_table_new_column(tb, "PID", 0, SCOLS_FL_RIGHT);
	scols_column_set_json_type(cl, SCOLS_JSON_NUMBER);
	scols_table_new_column(tb, "COMM", 0, SCOLS_FL_TREE);
	ln[0] = scols_table_new_line(tb, NULL);
	ln[1] = scols_table_new_line(tb, ln[0]);
	ln[2] = scols_table_new_line(tb, ln[1]);
	ln[3] = scols_table_new_line(tb, NULL);
	for (int r = 0; r < 4; r++)
		for (int c = 0; c < 2; c++)
			scols_line_set_data(ln[r], c, cells[r][c]);
	return tb;
}

static void print_by_libsmartcols(FILE *out)
{
	struct libscols_table *tb = sample_table(out);

	scols_print_table(tb);
	scols_unref_table(tb);
}

static void print_by_writer(FILE *out)
{
	struct libscols_table *tb = sample_table(out);

	pti_json_scols_table(tb);
	scols_unref_table(tb);
}

/*
 * The one JSON writer lays a document out as libsmartcols does (what ps
 * and tree printed through it): the same bytes for the same table.
 */
TEST(json_writer_lays_out_as_libsmartcols)
{
	size_t want_len, got_len;
	char *want = json_text(print_by_libsmartcols, &want_len);
	char *got = json_text(print_by_writer, &got_len);

	ASSERT_NE(NULL, want);
	ASSERT_NE(NULL, got);
	EXPECT_STREQ(want, got);
	EXPECT_NE(NULL, strstr(got, "\"pid\": null")) TH_LOG("%s", got);
	EXPECT_NE(NULL, strstr(got, "a \\\"quoted\\\\ name\\t\\u0001\x7f")) TH_LOG("%s", got);
	EXPECT_NE(NULL, strstr(got, "\"children\": [")) TH_LOG("%s", got);
	free(want);
	free(got);
}

static void write_lines_and_nesting(FILE *out)
{
	struct pti_json j;

	pti_json_begin(&j, out, PTI_JSON_LINE);
	pti_json_string(&j, "type", "x");
	pti_json_u64(&j, "big", 18446744073709551615ULL);
	pti_json_s64(&j, "neg", -5);
	pti_json_u64(&j, "zero", 0);
	pti_json_s64(&j, "min", INT64_MIN);
	pti_json_s64(&j, "max", INT64_MAX);
	pti_json_bool(&j, "yes", true);
	pti_json_null(&j, "none");
	pti_json_array(&j, "list");
	pti_json_string(&j, NULL, "a");
	pti_json_object(&j, NULL);
	pti_json_close(&j);
	pti_json_array(&j, NULL);
	pti_json_close(&j);
	pti_json_close(&j);
	/* deeper than the writer's first allocation: it grows */
	for (int i = 0; i < 100; i++)
		pti_json_array(&j, i ? NULL : "deep");
	pti_json_end(&j);	/* closes all of them */
	pti_json_begin(&j, out, PTI_JSON_PRETTY);
	pti_json_array(&j, "empty");
	pti_json_close(&j);
	pti_json_array(&j, "strings");
	pti_json_string(&j, NULL, "a");
	pti_json_string(&j, NULL, "b");
	pti_json_close(&j);
	pti_json_end(&j);
}

/* JSON lines for trace, and what a table never needs: empty containers. */
TEST(json_writer_lines_and_nesting)
{
	size_t len;
	char *got = json_text(write_lines_and_nesting, &len);
	char want[2048];
	int n;

	ASSERT_NE(NULL, got);
	n = snprintf(want, sizeof(want), "%s",
		     "{\"type\": \"x\", \"big\": 18446744073709551615, "
		     "\"neg\": -5, \"zero\": 0, "
		     "\"min\": -9223372036854775808, "
		     "\"max\": 9223372036854775807, "
		     "\"yes\": true, \"none\": null, "
		     "\"list\": [\"a\", {}, []], \"deep\": ");
	for (int i = 0; i < 100; i++)
		want[n++] = '[';
	for (int i = 0; i < 100; i++)
		want[n++] = ']';
	snprintf(want + n, sizeof(want) - n, "%s",
		 "}\n{\n   \"empty\": [],\n   \"strings\": [\n      \"a\",\n"
		 "      \"b\"\n   ]\n}\n");
	EXPECT_STREQ(want, got);
	free(got);
}

/* Write @text to @dir/@file, making the directories on the way. */
static void put_file(const char *dir, const char *file, const char *text)
{
	char path[4096], cmd[8192];
	FILE *f;

	snprintf(cmd, sizeof(cmd), "mkdir -p \"$(dirname '%s/%s')\"", dir, file);
	if (system(cmd))
		return;
	snprintf(path, sizeof(path), "%s/%s", dir, file);
	f = fopen(path, "w");
	if (f) {
		fputs(text, f);
		fclose(f);
	}
}

/* The missing-module hint names signing only where the kernel wants it. */
TEST(signed_modules_are_detected_from_sysfs)
{
	char dir[] = "/tmp/pti-sysfs-XXXXXX", cmd[64];

	ASSERT_NE(NULL, mkdtemp(dir));
	EXPECT_FALSE(pti_kernel_wants_signed_modules(dir));
	EXPECT_EQ(NULL, strstr(pti_module_missing_hint(dir), "signed"));
	put_file(dir, "module/module/parameters/sig_enforce", "N\n");
	put_file(dir, "kernel/security/lockdown", "[none] integrity confidentiality\n");
	EXPECT_FALSE(pti_kernel_wants_signed_modules(dir));
	put_file(dir, "kernel/security/lockdown", "none [integrity] confidentiality\n");
	EXPECT_TRUE(pti_kernel_wants_signed_modules(dir));
	put_file(dir, "kernel/security/lockdown", "[none] integrity confidentiality\n");
	put_file(dir, "module/module/parameters/sig_enforce", "Y\n");
	EXPECT_TRUE(pti_kernel_wants_signed_modules(dir));
	EXPECT_NE(NULL, strstr(pti_module_missing_hint(dir), "mokutil --import"));
	snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
	EXPECT_EQ(0, system(cmd));
}

/* A record with every number type, and its columns (N_ the index). */
struct number_rec {
	int32_t s32;
	uint32_t u32;
	int64_t s64;
	uint64_t u64;
	char word[8];
	char state;
};

#define NUMBER_COLUMN(cname, ctype, member) { .name = cname, .type = ctype, \
	.offset = offsetof(struct number_rec, member),			  \
	.size = sizeof(((struct number_rec *)0)->member) }
enum { N_S32, N_U32, N_X32, N_S64, N_U64, N_X64, N_WORD, N_CHAR, N_KPTR };
static const struct pti_column number_cols[] = {
	[N_S32] = NUMBER_COLUMN("s32", PTI_T_S32, s32),
	[N_U32] = NUMBER_COLUMN("u32", PTI_T_U32, u32),
	[N_X32] = NUMBER_COLUMN("x32", PTI_T_HEX32, u32),
	[N_S64] = NUMBER_COLUMN("s64", PTI_T_S64, s64),
	[N_U64] = NUMBER_COLUMN("u64", PTI_T_U64, u64),
	[N_X64] = NUMBER_COLUMN("x64", PTI_T_HEX64, u64),
	[N_WORD] = NUMBER_COLUMN("word", PTI_T_WORD, word),
	[N_CHAR] = NUMBER_COLUMN("state", PTI_T_CHAR, state),
	[N_KPTR] = NUMBER_COLUMN("kptr", PTI_T_KPTR, u64),
};

/* Every number type at its edges, as printf would print it. */
TEST(numbers_format_as_printf_would)
{
	const struct pti_column *cols = number_cols;
	struct number_rec r;
	const int32_t s32s[] = { 0, -1, 7, INT32_MIN, INT32_MAX };
	const int64_t s64s[] = { 0, -1, 4096, INT64_MIN, INT64_MAX };
	const uint64_t u64s[] = { 0, 9, 10, 0xf, 0x10, UINT64_MAX };
	char got[64], want[64], tiny[4];

	for (size_t i = 0; i < sizeof(s32s) / sizeof(s32s[0]); i++) {
		r.s32 = s32s[i];
		r.u32 = (uint32_t)s32s[i];
		pti_column_format(&cols[N_S32], &r, got, sizeof(got));
		snprintf(want, sizeof(want), "%d", r.s32);
		EXPECT_STREQ(want, got);
		pti_column_format(&cols[N_U32], &r, got, sizeof(got));
		snprintf(want, sizeof(want), "%u", r.u32);
		EXPECT_STREQ(want, got);
		pti_column_format(&cols[N_X32], &r, got, sizeof(got));
		snprintf(want, sizeof(want), "0x%x", r.u32);
		EXPECT_STREQ(want, got);
		/* pti_column_text() makes 32-bit decimals on its own */
		for (int c = N_S32; c <= N_U32; c++) {
			size_t len;
			const char *text = pti_column_text(&cols[c], &r, got,
							   sizeof(got), &len);

			pti_column_format(&cols[c], &r, want, sizeof(want));
			EXPECT_STREQ(want, text);
			EXPECT_EQ(strlen(want), len);
		}
	}
	for (size_t i = 0; i < sizeof(s64s) / sizeof(s64s[0]); i++) {
		r.s64 = s64s[i];
		pti_column_format(&cols[N_S64], &r, got, sizeof(got));
		snprintf(want, sizeof(want), "%lld", (long long)r.s64);
		EXPECT_STREQ(want, got);
	}
	for (size_t i = 0; i < sizeof(u64s) / sizeof(u64s[0]); i++) {
		r.u64 = u64s[i];
		pti_column_format(&cols[N_U64], &r, got, sizeof(got));
		snprintf(want, sizeof(want), "%llu", (unsigned long long)r.u64);
		EXPECT_STREQ(want, got);
		pti_column_format(&cols[N_X64], &r, got, sizeof(got));
		snprintf(want, sizeof(want), "0x%llx", (unsigned long long)r.u64);
		EXPECT_STREQ(want, got);
	}
	/* a short buffer keeps the start, as snprintf does */
	r.u64 = 123456;
	EXPECT_EQ(3U, pti_column_format(&cols[N_U64], &r, tiny, sizeof(tiny)));
	EXPECT_STREQ("123", tiny);
	memcpy(r.word, "present!", 8);	/* fills the member: no NUL */
	pti_column_format(&cols[N_WORD], &r, got, sizeof(got));
	EXPECT_STREQ("present!", got);
	pti_column_format(&cols[N_WORD], &r, tiny, sizeof(tiny));
	EXPECT_STREQ("pre", tiny);
}

/* Every number type read at its edges: in range whole, else refused. */
TEST(numbers_parse_at_their_edges)
{
	const struct pti_column *s32 = &number_cols[N_S32];
	const struct pti_column *u32 = &number_cols[N_U32];
	const struct pti_column *x32 = &number_cols[N_X32];
	const struct pti_column *s64 = &number_cols[N_S64];
	const struct pti_column *u64 = &number_cols[N_U64];
	const struct pti_column *x64 = &number_cols[N_X64];
	struct number_rec r;

	EXPECT_EQ(0, pti_column_parse(u64, "18446744073709551615", &r));
	EXPECT_EQ(UINT64_MAX, r.u64);
	EXPECT_EQ(-1, pti_column_parse(u64, "18446744073709551616", &r));
	EXPECT_EQ(-1, pti_column_parse(u64, "99999999999999999999", &r));
	/* leading zeros past the digits that fit are still the number */
	EXPECT_EQ(0, pti_column_parse(u64, "000000000000000000000042", &r));
	EXPECT_EQ(42, r.u64);
	EXPECT_EQ(0, pti_column_parse(x64, "0xffffffffffffffff", &r));
	EXPECT_EQ(UINT64_MAX, r.u64);
	EXPECT_EQ(0, pti_column_parse(x64, "0xDeadBeef", &r));
	EXPECT_EQ(0xdeadbeefULL, r.u64);
	EXPECT_EQ(-1, pti_column_parse(x64, "0x1ffffffffffffffff", &r));
	EXPECT_EQ(0, pti_column_parse(x64, "0x00000000000000000001", &r));
	EXPECT_EQ(1, r.u64);
	EXPECT_EQ(-1, pti_column_parse(x64, "0x", &r));
	EXPECT_EQ(-1, pti_column_parse(x64, "0xg", &r));
	EXPECT_EQ(0, pti_column_parse(u32, "4294967295", &r));
	EXPECT_EQ(UINT32_MAX, r.u32);
	EXPECT_EQ(-1, pti_column_parse(u32, "4294967296", &r));
	EXPECT_EQ(-1, pti_column_parse(u32, "12a", &r));
	EXPECT_EQ(-1, pti_column_parse(u32, "", &r));
	EXPECT_EQ(-1, pti_column_parse(u32, "-1", &r));
	EXPECT_EQ(-1, pti_column_parse(x32, "0x100000000", &r));
	EXPECT_EQ(0, pti_column_parse(s32, "-2147483648", &r));
	EXPECT_EQ(INT32_MIN, r.s32);
	EXPECT_EQ(-1, pti_column_parse(s32, "-2147483649", &r));
	EXPECT_EQ(-1, pti_column_parse(s32, "2147483648", &r));
	EXPECT_EQ(0, pti_column_parse(s64, "-9223372036854775808", &r));
	EXPECT_EQ(INT64_MIN, r.s64);
	EXPECT_EQ(-1, pti_column_parse(s64, "9223372036854775808", &r));
	EXPECT_EQ(-1, pti_column_parse(s64, "-", &r));
}

/*
 * What a column's type promises: decimal numbers align right; only text
 * and CHAR columns can hold bytes that need checking; a number is read
 * from the record as 64 bits, a signed one sign-extended.
 */
TEST(column_types_say_how_cells_look)
{
	struct number_rec r = { .s32 = -2, .u32 = UINT32_MAX, .s64 = -3,
				.u64 = UINT64_MAX, .word = "w", .state = 'R' };
	const bool number[] = { [N_S32] = true, [N_U32] = true,
				[N_S64] = true, [N_U64] = true };
	const bool made_plain[] = { [N_S32] = true, [N_U32] = true,
				    [N_X32] = true, [N_S64] = true,
				    [N_U64] = true, [N_X64] = true,
				    [N_KPTR] = true };

	for (size_t i = 0; i < sizeof(number_cols) / sizeof(number_cols[0]); i++) {
		bool want_number = i < sizeof(number) && number[i];
		bool want_plain = i < sizeof(made_plain) && made_plain[i];

		EXPECT_EQ(want_number, pti_column_is_number(&number_cols[i]))
			TH_LOG("%s", number_cols[i].name);
		EXPECT_EQ(want_plain, pti_column_made_plain(&number_cols[i]))
			TH_LOG("%s", number_cols[i].name);
	}
	EXPECT_FALSE(pti_column_is_number(NULL));
	EXPECT_EQ((uint64_t)-2, pti_column_number(&number_cols[N_S32], &r));
	EXPECT_EQ(UINT32_MAX, pti_column_number(&number_cols[N_U32], &r));
	EXPECT_EQ(UINT32_MAX, pti_column_number(&number_cols[N_X32], &r));
	EXPECT_EQ((uint64_t)-3, pti_column_number(&number_cols[N_S64], &r));
	EXPECT_EQ(UINT64_MAX, pti_column_number(&number_cols[N_X64], &r));
	EXPECT_EQ(0, pti_column_number(&number_cols[N_WORD], &r));
	EXPECT_EQ(0, pti_column_number(&number_cols[N_CHAR], &r));
}

static const char *const plain_cells[][3] = {
	{ "0x7f0000000000", "anon", "1" },
	{ "0x7f0000001000", "zero", "-1" },
	{ "0x7f00000ff000", "file", "140" },
};

/* Rows 0 and 2 from the table, row 1 formatted into @buf. */
static const char *plain_cell(const void *arg, size_t row, size_t col,
			      char *buf, size_t *len)
{
	(void)arg;
	if (row == 1) {
		*len = (size_t)snprintf(buf, PTI_PLAIN_CELL, "%s",
					plain_cells[row][col]);
		return buf;
	}
	*len = strlen(plain_cells[row][col]);
	return plain_cells[row][col];
}

/* The one cell of a one-row table: the string @arg. */
static const char *plain_cell_of(const void *arg, size_t row, size_t col,
				 char *buf, size_t *len)
{
	(void)row;
	(void)col;
	(void)buf;
	*len = strlen(arg);
	return arg;
}

/* What libsmartcols prints for @cells with the given table options. */
static char *scols_text(bool raw, bool noheadings, bool last_right)
{
	struct libscols_table *tb = scols_new_table();
	const char *heads[] = { "addr", "kind", "mapcount" };
	char *text = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&text, &len);

	scols_table_enable_raw(tb, raw);
	scols_table_enable_noheadings(tb, noheadings);
	for (int c = 0; c < 3; c++)
		pti_view_add_column(tb, heads[c], c == 2 && last_right, false);
	for (int r = 0; r < 3; r++) {
		struct libscols_line *ln = scols_table_new_line(tb, NULL);

		for (int c = 0; c < 3; c++)
			scols_line_set_data(ln, c, plain_cells[r][c]);
	}
	scols_table_set_stream(tb, out);
	scols_print_table(tb);
	fclose(out);
	scols_unref_table(tb);
	return text;
}

/* plain_cells kept as a caller keeps them, written at the room given. */
static bool keep_cells(struct pti_plain_cells *kept)
{
	if (pti_plain_cells_init(kept, 3, 1, 1))
		return false;
	for (int r = 0; r < 3; r++) {
		for (int c = 0; c < 3; c++) {
			size_t len = strlen(plain_cells[r][c]);
			char *at = pti_plain_cells_room(kept, len);

			if (!at)
				return false;
			memcpy(at, plain_cells[r][c], len);
			pti_plain_cells_add(kept, (size_t)c, len, c == 1);
		}
	}
	return true;
}

/*
 * The plain printer aligns a table exactly as libsmartcols does, its
 * cells asked for or kept.
 */
TEST(plain_table_prints_as_libsmartcols)
{
	for (int mode = 0; mode < 16; mode++) {
		bool raw = mode & 1, noheadings = mode & 2, right = mode & 4;
		struct pti_plain_cells kept;
		struct pti_plain_table t = {
			.ncols = 3, .nrows = 3, .raw = raw,
			.noheadings = noheadings, .cell = plain_cell,
			.heads = { "addr", "kind", "mapcount" },
			.right = { false, false, right },
		};
		char *want = scols_text(raw, noheadings, right), *got = NULL;
		size_t len = 0;
		FILE *out = open_memstream(&got, &len);

		if (mode & 8) {
			ASSERT_TRUE(keep_cells(&kept));
			EXPECT_EQ(3, pti_plain_cells_rows(&kept));
			EXPECT_TRUE(kept.plain);
			t.cell = NULL;
			t.kept = &kept;
		}
		ASSERT_EQ(0, pti_plain_print(&t, out));
		fclose(out);
		EXPECT_STREQ(want, got) TH_LOG("raw %d noheadings %d right %d kept %d",
					       raw, noheadings, right, mode >> 3);
		if (mode & 8)
			pti_plain_cells_free(&kept);
		free(want);
		free(got);
	}
}

/*
 * Kept cells come back as they went in, a long one (past a one-byte
 * length) too, with each column's widest and whether all are plain.
 */
TEST(plain_cells_keep_long_cells)
{
	size_t lens[] = { 0, 1, 254, 255, 256, 9000, 3 };
	size_t n = sizeof(lens) / sizeof(lens[0]), at = 0, len;
	struct pti_plain_cells kept;

	ASSERT_EQ(0, pti_plain_cells_init(&kept, 2, 1, 1));
	for (size_t i = 0; i < n; i++) {
		char *room = pti_plain_cells_room(&kept, lens[i]);

		ASSERT_NE(NULL, room);
		memset(room, 'a' + (int)i, lens[i]);
		if (i == 5)
			room[100] = '\t';	/* not plain, and checked */
		pti_plain_cells_add(&kept, i % 2, lens[i], i == 5);
	}
	EXPECT_EQ(n / 2, pti_plain_cells_rows(&kept));
	EXPECT_EQ(9000, kept.width[1]);
	EXPECT_EQ(256, kept.width[0]);
	EXPECT_FALSE(kept.plain);
	for (size_t i = 0; i < n; i++) {
		const char *text = pti_plain_cells_next(&kept, &at, &len);
		size_t wrong = 0;

		ASSERT_EQ(lens[i], len);
		for (size_t b = 0; b < len; b++)
			wrong += text[b] != (i == 5 && b == 100 ? '\t' :
					     'a' + (int)i);
		EXPECT_EQ(0, wrong) TH_LOG("cell %zu", i);
	}
	EXPECT_EQ(kept.len, at);
	pti_plain_cells_free(&kept);
}

/* @t through pti_view_fill_table() and libsmartcols, raw or as pairs. */
static char *filled_text(const struct pti_plain_table *t, bool pairs,
			 struct libscols_table **keep)
{
	static const char *const heads[] = { "addr", "kind", "mapcount" };
	struct libscols_table *tb = scols_new_table();
	char *text = NULL;
	size_t len = 0;
	FILE *out;

	scols_table_enable_raw(tb, !pairs);
	scols_table_enable_export(tb, pairs);
	for (size_t c = 0; c < t->ncols; c++)
		pti_view_add_column(tb, heads[c], false,
				    t->parent && c == t->tree_col);
	if (pti_view_fill_table(tb, t)) {
		scols_unref_table(tb);
		return NULL;
	}
	out = open_memstream(&text, &len);
	scols_table_set_stream(tb, out);
	scols_print_table(tb);
	fclose(out);
	if (keep)
		*keep = tb;
	else
		scols_unref_table(tb);
	return text;
}

/*
 * A table filled for libsmartcols (terminals, -P) has every cell as the
 * plain printer has it, asked of cell() (row 1 made in its buffer) or
 * kept; a 9,000-byte cell whole; each row of a tree under its parent.
 */
TEST(fill_table_gives_libsmartcols_every_cell_whole)
{
	static const long parent[] = { -1, 0, 0 };
	char *want = scols_text(true, false, false), *got;
	struct pti_plain_cells kept;
	struct libscols_table *tb;
	char *long_cell = malloc(9001);

	ASSERT_NE(NULL, long_cell);
	for (int use_kept = 0; use_kept < 2; use_kept++) {
		struct pti_plain_table t = {
			.ncols = 3, .nrows = 3, .cell = plain_cell,
		};

		if (use_kept) {
			ASSERT_TRUE(keep_cells(&kept));
			t.cell = NULL;
			t.kept = &kept;
		}
		got = filled_text(&t, false, NULL);
		EXPECT_STREQ(want, got) TH_LOG("kept %d", use_kept);
		free(got);
		if (use_kept)
			pti_plain_cells_free(&kept);
	}
	free(want);

	memset(long_cell, 'x', 9000);
	long_cell[9000] = '\0';
	ASSERT_EQ(0, pti_plain_cells_init(&kept, 2, 3, 1));
	for (int i = 0; i < 6; i++) {
		const char *cell = i == 1 ? long_cell : "w";
		size_t len = strlen(cell);
		char *at = pti_plain_cells_room(&kept, len);

		ASSERT_NE(NULL, at);
		memcpy(at, cell, len);
		pti_plain_cells_add(&kept, (size_t)i % 2, len, false);
	}
	{
		struct pti_plain_table t = {
			.ncols = 2, .nrows = 3, .kept = &kept,
			.parent = parent, .tree_col = 0,
		};

		got = filled_text(&t, true, &tb);
	}
	ASSERT_NE(NULL, got);
	EXPECT_NE(NULL, strstr(got, long_cell));
	EXPECT_EQ(NULL, scols_line_get_parent(scols_table_get_line(tb, 0)));
	EXPECT_EQ(scols_table_get_line(tb, 0),
		  scols_line_get_parent(scols_table_get_line(tb, 1)));
	EXPECT_EQ(scols_table_get_line(tb, 0),
		  scols_line_get_parent(scols_table_get_line(tb, 2)));
	scols_unref_table(tb);
	pti_plain_cells_free(&kept);
	free(long_cell);
	free(got);
}

/* @set's tasks as pti_view_print() prints them, to a string. */
static char *printed_tasks(const struct pti_task_set *set,
			  const struct pti_row *rows, size_t n,
			  struct pti_view_opts o, const char *columns,
			  bool terminal, const char *tree_column)
{
	struct pti_column_list cols;
	char *text = NULL, err[128];
	size_t len = 0;
	FILE *out;
	int ret;

	if (pti_column_list_parse(&cols, &pti_task_model,
				  columns ? columns : "comm,pid",
				  PTI_COLUMN_LIST_MAX, err, sizeof(err)))
		return NULL;
	out = open_memstream(&text, &len);
	o.terminal = terminal;
	ret = pti_view_print(out, set, rows, n, &o, &cols, tree_column,
			     "tasks");
	fclose(out);
	pti_column_list_free(&cols);
	if (ret) {
		free(text);
		return NULL;
	}
	return text;
}

/*
 * A random forest of @n processes and threads: parents come before
 * children, some comms have a space (libsmartcols' raw output escapes
 * it), one has a tab (libsmartcols must print that one).
 */
static void random_forest(struct pti_task *t, int n, unsigned int seed,
			  bool with_tab)
{
	static const char *const comms[] = {
		"init", "my shell", "kworker/0:1H-kblockd", "a", "sshd", "x y z",
	};

	srand(seed);
	for (int i = 0; i < n; i++) {
		int pid = i + 1, parent = i ? rand() % i + 1 : 0;
		bool thread = i > 1 && rand() % 4 == 0;

		t[i] = task(pid, pid, parent, "SRDZ"[rand() % 4],
			    comms[rand() % 6]);
		if (thread) {
			/* a thread of an earlier process, under its leader */
			t[i].tgid = t[parent - 1].tgid;
			t[i].ppid = t[t[i].tgid - 1].ppid;
		}
		t[i].uid = (unsigned int)rand() % 2000;
	}
	if (with_tab)
		snprintf(t[n / 2].comm, sizeof(t[n / 2].comm), "tab\there");
}

/*
 * Tables and trees for a pipe are printed without libsmartcols, exactly
 * as libsmartcols prints them for a terminal that fits them, in every
 * mode, with the tree column first, inside and last.
 */
TEST(task_views_print_as_libsmartcols)
{
	static const char *const lists[] = {
		"comm,pid,state,threads,uid,mark", "pid,comm,uid,mark",
		"pid,tgid,uid,comm", "comm",
	};
	struct pti_task t[300];
	uint32_t at[300];

	for (int round = 0; round < 6; round++) {
		struct pti_task_set set;
		struct pti_row *rows;
		size_t n;
		char err[128];

		random_forest(t, 300, (unsigned int)round, round == 5);
		wrap_tasks(&set, t, at, 300);
		ASSERT_EQ(0, pti_tree_rows(&set, round % 2, 0, NULL, &rows, &n, err,
					   sizeof(err)));
		for (int mode = 0; mode < 4 * 4 * 2; mode++) {
			struct pti_view_opts o = {
				.raw = mode & 1, .noheadings = mode & 2,
			};
			const char *cols = lists[(mode >> 2) & 3];
			const char *tree = mode & 16 ? "comm" : NULL;
			char *want = printed_tasks(&set, rows, n, o, cols, true,
						   tree);
			char *got = printed_tasks(&set, rows, n, o, cols, false,
						  tree);

			ASSERT_NE(NULL, want);
			ASSERT_NE(NULL, got);
			EXPECT_STREQ(want, got) TH_LOG("round %d mode %d", round,
						       mode);
			free(want);
			free(got);
		}
		free(rows);
	}
}

/*
 * Derived columns: flag_names decodes flags with the flags view's table,
 * mark is derived from the set; flag_names with no table is refused, not
 * printed empty.
 */
TEST(derived_task_columns)
{
	static const char view[] = "set value name\n"
		"flags 0x8000 NOFREEZE\nflags 0x200000 KTHREAD\nvm_flags 0x1 READ\n";
	struct flat_table f = { .t = { task(1, 1, 0, 'S', "init"),
				       task(2, 2, 0, 'S', "kthreadd") } };
	struct pti_view_opts o = { .raw = true };
	const char *cols = "pid,flag_names,mark";
	struct pti_flag_names fn;
	char *text;

	f.t[1].flags = 0x00208000;
	f.t[1].kthread = 1;
	f.t[1].has_mm = 0;
	flat_table_wrap(&f, 2);
	ASSERT_EQ(0, flag_names_from(view, "flags", &fn));
	EXPECT_EQ(NULL, printed_tasks(&f.set, f.rows, 2, o, cols, false, NULL));
	o.task_flags = &fn;
	text = printed_tasks(&f.set, f.rows, 2, o, cols, false, NULL);
	ASSERT_NE(NULL, text);
	EXPECT_STREQ("PID FLAG_NAMES MARK\n1  \n2 NOFREEZE|KTHREAD kthread\n", text);
	free(text);
	pti_flag_names_free(&fn);
}

/* policy: the record's SCHED_* number by the flags view's name for it. */
TEST(policy_by_name)
{
	static const char view[] = "set value name\n"
		"flags 0x200000 KTHREAD\npolicy 0x0 NORMAL\npolicy 0x1 FIFO\n";
	struct flat_table f = { .t = { task(1, 1, 0, 'S', "init"),
				       task(2, 2, 0, 'S', "rt"),
				       task(3, 3, 0, 'S', "new") } };
	struct pti_view_opts o = { .raw = true };
	const char *cols = "pid,policy";
	struct pti_flag_names fn;
	char *text;

	f.t[1].policy = 1;
	f.t[2].policy = 9;	/* a policy newer than the names */
	flat_table_wrap(&f, 3);
	ASSERT_EQ(0, flag_names_from(view, "policy", &fn));
	EXPECT_EQ(2, fn.n);
	EXPECT_STREQ("FIFO", pti_flag_names_value(&fn, 1));
	EXPECT_EQ(NULL, pti_flag_names_value(&fn, 2));
	/* without the names the column is refused, not shown as numbers */
	EXPECT_EQ(NULL, printed_tasks(&f.set, f.rows, 3, o, cols, false, NULL));
	o.policies = &fn;
	text = printed_tasks(&f.set, f.rows, 3, o, cols, false, NULL);
	ASSERT_NE(NULL, text);
	EXPECT_STREQ("PID POLICY\n1 NORMAL\n2 FIFO\n3 9\n", text);
	free(text);
	o.json = true;
	text = printed_tasks(&f.set, f.rows, 3, o, cols, false, NULL);
	ASSERT_NE(NULL, text);
	EXPECT_NE(NULL, strstr(text, "\"policy\": \"FIFO\"")) TH_LOG("%s", text);
	free(text);
	pti_flag_names_free(&fn);
}

/* Several sets from one reading; an unnamed value shows as its number. */
TEST(flag_sets_in_one_reading)
{
	static const char view[] = "set value name\n"
		"flags 0x200000 KTHREAD\npolicy 0x0 NORMAL\n"
		"flags 0x8000 NOFREEZE\npolicy 0x1 FIFO\n";
	struct pti_flag_names flags, policies;
	struct pti_flag_set_wanted want[] = { { "flags", &flags },
					       { "policy", &policies },
					       { "vm_flags", NULL } };
	struct pti_flag_names vm_flags;
	char err[128], buf[24], names[64];
	FILE *in = fmemopen((void *)view, sizeof(view) - 1, "r");

	ASSERT_NE(NULL, in);
	ASSERT_EQ(0, pti_flag_names_parse_sets(in, want, 2, err, sizeof(err)));
	EXPECT_EQ(2, flags.n);
	EXPECT_EQ(2, policies.n);
	pti_flag_names_decode(&flags, 0x208000, names, sizeof(names));
	EXPECT_STREQ("KTHREAD|NOFREEZE", names);
	EXPECT_STREQ("FIFO", pti_flag_names_value_text(&policies, 1, buf,
						       sizeof(buf)));
	EXPECT_STREQ("7", pti_flag_names_value_text(&policies, 7, buf,
						    sizeof(buf)));
	EXPECT_STREQ("2", pti_flag_names_value_text(NULL, 2, buf, sizeof(buf)));
	pti_flag_names_free(&flags);
	pti_flag_names_free(&policies);
	/* a set the view lacks fails the reading and keeps none of them */
	rewind(in);
	want[2].fn = &vm_flags;
	EXPECT_EQ(-1, pti_flag_names_parse_sets(in, want, 3, err, sizeof(err)));
	EXPECT_NE(NULL, strstr(err, "no set vm_flags")) TH_LOG("%s", err);
	EXPECT_EQ(0, flags.n);
	EXPECT_EQ(NULL, flags.bits);
	EXPECT_EQ(0, policies.n);
	fclose(in);
}

/*
 * A derived cell longer than a number's buffer (a kernel worker's flags
 * decode to about 60 bytes, every PF_* name to about 300) is printed
 * whole in a plain table and in JSON.
 */
TEST(long_derived_cells_stay_whole)
{
	static const char view[] = "set value name\n"
		"flags 0x1 IDLE\nflags 0x2 EXITING\nflags 0x4 VCPU\n"
		"flags 0x8 WQ_WORKER\nflags 0x10 FORKNOEXEC\n"
		"flags 0x20 MCE_PROCESS\nflags 0x40 SUPERPRIV\n"
		"flags 0x80 DUMPCORE\nflags 0x100 SIGNALED\n"
		"flags 0x200 MEMALLOC\nflags 0x400 NPROC_EXCEEDED\n"
		"flags 0x800 USED_MATH\nflags 0x8000 NOFREEZE\n"
		"flags 0x200000 KTHREAD\nflags 0x4000000 NO_SETAFFINITY\n";
	static const char want[] =
		"IDLE|EXITING|VCPU|WQ_WORKER|FORKNOEXEC|MCE_PROCESS|SUPERPRIV|"
		"DUMPCORE|SIGNALED|MEMALLOC|NPROC_EXCEEDED|USED_MATH|NOFREEZE|"
		"KTHREAD|NO_SETAFFINITY";
	struct flat_table f = { .t = { task(2, 2, 0, 'S', "kthreadd") } };
	struct pti_view_opts o = { .raw = true, .noheadings = true };
	const char *cols = "flag_names";
	struct pti_flag_names fn;
	char line[512], *text;

	f.t[0].flags = 0x04208fff;
	flat_table_wrap(&f, 1);
	ASSERT_EQ(0, flag_names_from(view, "flags", &fn));
	o.task_flags = &fn;
	text = printed_tasks(&f.set, f.rows, 1, o, cols, false, NULL);
	ASSERT_NE(NULL, text);
	snprintf(line, sizeof(line), "%s\n", want);
	EXPECT_STREQ(line, text);
	free(text);
	o.json = true;
	text = printed_tasks(&f.set, f.rows, 1, o, cols, false, NULL);
	ASSERT_NE(NULL, text);
	snprintf(line, sizeof(line), "\"flag_names\": \"%s\"\n", want);
	EXPECT_NE(NULL, strstr(text, line)) TH_LOG("%s", text);
	free(text);
	pti_flag_names_free(&fn);
}

/* On a terminal long words are cut to its width; raw output keeps them. */
TEST(words_are_cut_to_a_terminal_only)
{
	static const char name[] = "a-kernel-thread-with-a-very-long-full-name";

	for (int raw = 0; raw < 2; raw++) {
		struct pti_view_opts o = { .raw = raw };
		struct libscols_table *tb = pti_view_new_table(&o, "tasks");
		struct libscols_line *ln;
		char *text = NULL, *line;
		size_t len = 0;
		FILE *out = open_memstream(&text, &len);

		ASSERT_NE(NULL, tb);
		scols_table_set_termforce(tb, SCOLS_TERMFORCE_ALWAYS);
		scols_table_set_termwidth(tb, 30);
		ASSERT_EQ(0, pti_view_add_column(tb, "pid", true, false));
		ASSERT_EQ(0, pti_view_add_column(tb, "name", false, false));
		ASSERT_EQ(0, pti_view_add_column(tb, "state", false, false));
		ln = scols_table_new_line(tb, NULL);
		ASSERT_NE(NULL, ln);
		scols_line_set_data(ln, 0, "4242");
		scols_line_set_data(ln, 1, name);
		scols_line_set_data(ln, 2, "S");
		scols_table_set_stream(tb, out);
		ASSERT_EQ(0, scols_print_table(tb));
		fclose(out);
		line = strchr(text, '\n') + 1;
		if (raw) {
			EXPECT_STREQ("4242 a-kernel-thread-with-a-very-long-full-name S\n",
				     line);
		} else {
			EXPECT_GE(30, strcspn(line, "\n")) TH_LOG("%s", line);
			EXPECT_NE(NULL, strstr(line, "4242 a-kernel"));
			EXPECT_NE(NULL, strstr(line, " S"));
		}
		scols_unref_table(tb);
		free(text);
	}
}

/* Lists wrap after a separator, never inside a name. */
TEST(lists_wrap_at_names)
{
	char out[256];

	pti_wrap_list("CHOWN,DAC_OVERRIDE,NET_BROADCAST,SETGID", 20, out,
		      sizeof(out));
	EXPECT_STREQ("CHOWN,DAC_OVERRIDE,\nNET_BROADCAST,SETGID", out);
	pti_wrap_list("CHOWN,DAC_OVERRIDE,NET_BROADCAST,SETGID", 19, out,
		      sizeof(out));
	EXPECT_STREQ("CHOWN,DAC_OVERRIDE,\nNET_BROADCAST,\nSETGID", out);
	pti_wrap_list("HUP INT QUIT USR1", 9, out, sizeof(out));
	EXPECT_STREQ("HUP INT\nQUIT USR1", out);
	pti_wrap_list("IDLE|WQ_WORKER|NOFREEZE|KTHREAD", 16, out, sizeof(out));
	EXPECT_STREQ("IDLE|WQ_WORKER|\nNOFREEZE|KTHREAD", out);
	/* a name longer than the width stands whole on its own line */
	pti_wrap_list("a,averyverylongname,b", 5, out, sizeof(out));
	EXPECT_STREQ("a,\naveryverylongname,\nb", out);
	/* no width: as it is */
	pti_wrap_list("x y z", 0, out, sizeof(out));
	EXPECT_STREQ("x y z", out);
	/* cut as snprintf cuts */
	EXPECT_EQ(3, pti_wrap_list("abcdef", 0, out, 4));
	EXPECT_STREQ("abc", out);
}

/* Short when measured, a long cell when printed: *@arg counts the asks. */
static const char *growing_cell(const void *arg, size_t row, size_t col,
				char *buf, size_t *len)
{
	size_t *asks = (size_t *)arg;

	(void)row;
	(void)col;
	(void)buf;
	if ((*asks)++ == 0) {
		*len = 1;
		return "x";
	}
	*len = 300;
	return "yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy"
	       "yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy"
	       "yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy"
	       "yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy"
	       "yyyyyyyyyyyyyyyyyyyyyyyyyyyy";
}

/* A cell wider than it was measured is still printed whole, not cut. */
TEST(plain_table_prints_a_cell_grown_since_measured)
{
	size_t asks = 0;
	struct pti_plain_table t = {
		.ncols = 1, .nrows = 1, .noheadings = true,
		.cell = growing_cell, .arg = &asks, .heads = { "v" },
	};
	char *got = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&got, &len);

	ASSERT_EQ(0, pti_plain_print(&t, out));
	fclose(out);
	EXPECT_EQ(2, asks);
	EXPECT_EQ(301, len);
	EXPECT_EQ('\n', got[300]);
	EXPECT_EQ('y', got[299]);
	free(got);
}

/* A cell that is not printable ASCII: nothing printed, libsmartcols's turn. */
TEST(plain_table_refuses_what_is_not_plain)
{
	static const char *const cells[] = { "tab\there", "caf\xc3\xa9" };

	for (size_t i = 0; i < 2; i++) {
		struct pti_plain_table t = {
			.ncols = 1, .nrows = 1, .heads = { "comm" },
			.cell = plain_cell_of, .arg = cells[i],
		};
		char *got = NULL;
		size_t len = 0;
		FILE *out = open_memstream(&got, &len);

		EXPECT_EQ(PTI_PLAIN_NOT_PLAIN, pti_plain_print(&t, out));
		fclose(out);
		EXPECT_EQ(0, len);
		free(got);
	}
}

/* Every byte at every place of cells short and long, as eight-byte steps see them. */
TEST(plain_table_checks_every_byte)
{
	static const size_t lengths[] = { 1, 7, 8, 9, 16, 17 };
	char cell[18];

	for (unsigned int b = 1; b < 256; b++) {
		bool plain = b >= ' ' && b <= '~';

		for (size_t l = 0; l < sizeof(lengths) / sizeof(lengths[0]); l++) {
			for (size_t at = 0; at < lengths[l]; at++) {
				struct pti_plain_table t = {
					.ncols = 1, .nrows = 1,
					.heads = { "comm" },
					.cell = plain_cell_of, .arg = cell,
				};
				FILE *out = fopen("/dev/null", "w");

				memset(cell, 'a', lengths[l]);
				cell[lengths[l]] = '\0';
				cell[at] = (char)b;
				ASSERT_NE(NULL, out);
				EXPECT_EQ(plain ? 0 : PTI_PLAIN_NOT_PLAIN,
					  pti_plain_print(&t, out))
					TH_LOG("byte 0x%02x at %zu of %zu", b,
					       at, lengths[l]);
				fclose(out);
			}
		}
	}
}

/*
 * Lines come back whole across read boundaries: a line longer than a
 * chunk, an empty line, and a last line without its newline; the buffer
 * grows only for the long line.
 */
TEST(lines_come_whole_from_large_reads)
{
	size_t long_len = PTI_LINES_CHUNK * 2 + 17;
	char *long_line = malloc(long_len + 1), *line;
	struct pti_lines lines;
	FILE *tmp = tmpfile();

	ASSERT_NE(NULL, long_line);
	ASSERT_NE(NULL, tmp);
	memset(long_line, 'x', long_len);
	long_line[long_len] = '\0';
	for (int i = 0; i < 50000; i++)
		fprintf(tmp, "line %d\n", i);
	fprintf(tmp, "%s\n\nlast", long_line);
	fflush(tmp);
	rewind(tmp);
	ASSERT_EQ(0, pti_lines_init(&lines, fileno(tmp)));
	for (int i = 0; i < 50000; i++) {
		char want[32];

		snprintf(want, sizeof(want), "line %d", i);
		line = pti_lines_next(&lines);
		ASSERT_NE(NULL, line);
		ASSERT_STREQ(want, line);
	}
	/* lines cut by the reads' ends cost shorter reads, not room */
	EXPECT_EQ((size_t)PTI_LINES_CHUNK + 1, lines.cap);
	line = pti_lines_next(&lines);
	ASSERT_NE(NULL, line);
	EXPECT_EQ(long_len, strlen(line));
	EXPECT_STREQ("", pti_lines_next(&lines));
	EXPECT_STREQ("last", pti_lines_next(&lines));
	EXPECT_EQ(NULL, pti_lines_next(&lines));
	EXPECT_EQ(0, lines.error);
	pti_lines_free(&lines);
	fclose(tmp);
	free(long_line);
}

/* @text as a view read from a descriptor: 0, or -1 with @err set. */
static int view_text_of(const char *text, struct pti_view_text *v, char *err,
			size_t errlen)
{
	FILE *tmp = tmpfile();
	int ret;

	if (!tmp)
		return -1;
	fputs(text, tmp);
	fflush(tmp);
	rewind(tmp);
	ret = pti_view_text_read(v, fileno(tmp), err, errlen);
	fclose(tmp);
	return ret;
}

/*
 * A view kept as text gives back each cell as the module wrote it, over
 * many reads' worth of lines; a line with a cell too many or too few is
 * refused with its number, and a view without a header too.
 */
TEST(view_text_cells_are_the_modules_words)
{
	struct pti_view_text v;
	char err[128] = "", *text = NULL;
	size_t len = 0, cell_len;
	FILE *build = open_memstream(&text, &len);
	const char *cell;

	ASSERT_NE(NULL, build);
	fputs("addr size kind\n", build);
	for (int i = 0; i < 100000; i++)
		fprintf(build, "0x%x %d %s\n", i * 4096, 4096 << (i % 3),
			i % 2 ? "anon" : "file");
	fputs("0xffff 1 last", build);	/* no newline at the end */
	fclose(build);
	ASSERT_EQ(0, view_text_of(text, &v, err, sizeof(err))) TH_LOG("%s", err);
	EXPECT_EQ(3, v.nfields);
	EXPECT_EQ(100001, v.nrows);
	EXPECT_EQ(1, pti_view_text_field(&v, "size"));
	EXPECT_EQ(-1, pti_view_text_field(&v, "pfn"));
	cell = pti_view_text_cell(&v, 99999, 0, &cell_len);
	EXPECT_STREQ("0x1869f000", cell);
	EXPECT_EQ(10, cell_len);
	cell = pti_view_text_cell(&v, 99999, 1, &cell_len);
	EXPECT_STREQ("4096", cell);
	EXPECT_EQ(4, cell_len);
	cell = pti_view_text_cell(&v, 100000, 2, &cell_len);
	EXPECT_STREQ("last", cell);
	EXPECT_EQ(4, cell_len);
	pti_view_text_free(&v);
	free(text);

	ASSERT_EQ(0, view_text_of("addr size\n", &v, err, sizeof(err)));
	EXPECT_EQ(0, v.nrows);
	pti_view_text_free(&v);
	EXPECT_EQ(-1, view_text_of("addr size\n0x1 2\n0x2 3 4\n", &v, err,
				   sizeof(err)));
	EXPECT_STREQ("line 3: 3 field(s) where the header names 2", err);
	pti_view_text_free(&v);
	EXPECT_EQ(-1, view_text_of("addr size\n0x1\n", &v, err, sizeof(err)));
	EXPECT_STREQ("line 2: 1 field(s) where the header names 2", err);
	pti_view_text_free(&v);
	EXPECT_EQ(-1, view_text_of("", &v, err, sizeof(err)));
	EXPECT_STREQ("no header line", err);
	pti_view_text_free(&v);
}

/* Human sizes: the printf-free whole-unit path prints what printf did. */
TEST(human_sizes_as_printf_would)
{
	static const char units[] = "BKMGTPE";
	unsigned long long bases[] = { 1, 1024, 1ULL << 20, 1ULL << 30, 1ULL << 40 };
	char got[32], want[32];

	for (size_t b = 0; b < sizeof(bases) / sizeof(bases[0]); b++) {
		for (unsigned long long k = 0; k < 3000; k++) {
			unsigned long long bytes = k * bases[b] + (k % 7 == 3 ? k : 0);
			double v = (double)bytes;
			int u = 0;

			while (v >= 1024 && units[u + 1]) {
				v /= 1024;
				u++;
			}
			if (u == 0 || v >= 100 || v == (double)(unsigned long long)v)
				snprintf(want, sizeof(want), "%.0f%c", v, units[u]);
			else
				snprintf(want, sizeof(want), "%.1f%c", v, units[u]);
			pti_human_size(bytes, got, sizeof(got));
			ASSERT_STREQ(want, got) TH_LOG("%llu bytes", bytes);
		}
	}
	pti_human_size(~0ULL, got, sizeof(got));
	EXPECT_STREQ("16E", got);
}

/* A flags view read back, and words decoded in its order. */
TEST(flag_names_decode_in_view_order)
{
	static const char view[] =
		"set value name\n"
		"vm_flags 0x1 READ\nvm_flags 0x2 WRITE\nflags 0x200000 KTHREAD\n"
		"vm_flags 0x100 GROWSDOWN\n";
	struct pti_flag_names fn;
	char err[128], buf[64];
	FILE *in = fmemopen((void *)view, sizeof(view) - 1, "r");

	ASSERT_NE(NULL, in);
	ASSERT_EQ(0, pti_flag_names_parse(in, "vm_flags", &fn, err, sizeof(err)));
	fclose(in);
	EXPECT_EQ(3, fn.n);
	pti_flag_names_decode(&fn, 0x103, buf, sizeof(buf));
	EXPECT_STREQ("READ|WRITE|GROWSDOWN", buf);
	pti_flag_names_decode(&fn, 0x200000, buf, sizeof(buf));
	EXPECT_STREQ("", buf);
	pti_flag_names_decode(&fn, 0x103, buf, 11);	/* "READ|WRITE" fits */
	EXPECT_STREQ("READ|WRITE", buf);
	pti_flag_names_free(&fn);

	in = fmemopen((void *)view, sizeof(view) - 1, "r");
	EXPECT_EQ(-1, pti_flag_names_parse(in, "no_such_set", &fn, err, sizeof(err)));
	fclose(in);
	in = fmemopen("set value\nvm_flags 0x1\n", 23, "r");
	EXPECT_EQ(-1, pti_flag_names_parse(in, "vm_flags", &fn, err, sizeof(err)));
	fclose(in);
}

enum { OPT_AT = PTI_OPT_OWN };

static const struct pti_option sample_options[] = {
	{ "cpu", 'c', "N", "one CPU" },
	{ "tree", 't', NULL, "drawn\nover two lines" },
	PTI_VIEW_OPTIONS("json", "pairs", "raw", "no headings"),
	{ "at", OPT_AT, "ADDR", "long only" },
	PTI_LIST_COLUMNS_OPTION,
	{ NULL },
};

/* getopt_long()'s tables, the view options and --help, from one table */
TEST(options_table_makes_getopt_and_help)
{
	char *argv[] = { "ptinspect", "-c", "3", "--tree", "-J", "--raw",
			 "--at", "7f", "--list-columns", "-n", "--help", "-q",
			 "--cpu", "operand", NULL };
	int argc = (int)(sizeof(argv) / sizeof(argv[0])) - 1;
	struct pti_view_opts view = { 0 };
	struct pti_getopt g;
	char help[1024] = "";
	FILE *f;

	pti_getopt_init(&g, sample_options, &view);
	EXPECT_STREQ("c:tJPrnh", g.shortopts);
	optind = 0;
	opterr = 0;
	ASSERT_EQ('c', pti_getopt_next(&g, argc, argv));
	EXPECT_STREQ("3", optarg);
	EXPECT_EQ('t', pti_getopt_next(&g, argc, argv));
	ASSERT_EQ(OPT_AT, pti_getopt_next(&g, argc, argv));
	EXPECT_STREQ("7f", optarg);
	EXPECT_EQ(PTI_OPT_LIST_COLUMNS, pti_getopt_next(&g, argc, argv));
	EXPECT_EQ('h', pti_getopt_next(&g, argc, argv));
	EXPECT_EQ('?', pti_getopt_next(&g, argc, argv));
	/* an option's missing argument is refused, not taken from nowhere */
	EXPECT_EQ('?', pti_getopt_next(&g, argc - 1, argv));
	EXPECT_TRUE(view.json && view.raw && view.noheadings);
	EXPECT_FALSE(view.pairs);

	/* with no view options given, -J is the command's own */
	pti_getopt_init(&g, sample_options, NULL);
	optind = 0;
	EXPECT_EQ('c', pti_getopt_next(&g, argc, argv));
	EXPECT_EQ('t', pti_getopt_next(&g, argc, argv));
	EXPECT_EQ('J', pti_getopt_next(&g, argc, argv));
	EXPECT_EQ('r', pti_getopt_next(&g, argc, argv));

	f = fmemopen(help, sizeof(help) - 1, "w");
	ASSERT_NE(NULL, f);
	pti_options_help(f, sample_options);
	fclose(f);
	EXPECT_STREQ("  -c, --cpu N          one CPU\n"
		     "  -t, --tree           drawn\n"
		     "                       over two lines\n"
		     "  -J, --json           json\n"
		     "  -P, --pairs          pairs\n"
		     "  -r, --raw            raw\n"
		     "  -n, --noheadings     no headings\n"
		     "      --at ADDR        long only\n"
		     "      --list-columns   every column, NAME<TAB>HELP per line\n"
		     "  -h, --help           this help\n", help);
}

/* A table longer than the bound is a bug in the program: it stops. */
TEST(options_beyond_the_bound_abort)
{
	struct pti_option many[PTI_OPTIONS_MAX + 2] = { 0 };
	struct pti_getopt g;
	int status;
	pid_t pid;

	for (size_t i = 0; i <= PTI_OPTIONS_MAX; i++)
		many[i] = (struct pti_option){ "x", 'x', NULL, "" };
	pid = fork();
	ASSERT_LE(0, pid);
	if (pid == 0) {
		fclose(stderr);
		pti_getopt_init(&g, many, NULL);
		_exit(0);
	}
	ASSERT_EQ(pid, waitpid(pid, &status, 0));
	EXPECT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGABRT);
	/* one row fewer is within the bound */
	many[PTI_OPTIONS_MAX] = (struct pti_option){ 0 };
	pti_getopt_init(&g, many, NULL);
	EXPECT_EQ('h', g.longopts[PTI_OPTIONS_MAX].val);
	EXPECT_EQ(NULL, g.longopts[PTI_OPTIONS_MAX + 1].name);
}

TEST_HARNESS_MAIN
