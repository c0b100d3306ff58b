/* cmd_task.c - `ptinspect task PID`: one task_struct whole, grouped the
 * way a person reads it (identity, family, state, credentials, scheduling,
 * signals, memory, files, kernel stack), or as one JSON object.
 */
#include <getopt.h>
#include <libsmartcols.h>
#include <stdlib.h>
#include <string.h>
#include "commands.h"
#include "flag_names.h"
#include "json.h"
#include "task.h"
#include "view.h"
#include "vma.h"
#include "wrap.h"

/*
 * Everything one task view shows: the task record, its mm summary, and
 * the names of its policy's values (/proc/ptinspect/flags).
 */
struct task_view {
	struct pti_detail detail;
	struct pti_mm mm;
	bool has_mm_summary;
	struct pti_flag_names policies;
};

/*
 * One output row: @cols fill @fmt's directives in order:
 *   %s  the value as /proc/ptinspect shows it
 *   %T  nanoseconds as seconds       %P  pages as a size
 *   %B  bytes as a size              %Y  0/1 as no/yes
 *   %L  a newline-separated list, space-separated
 *   %N  how many strings a newline-separated list holds
 *   %E  a policy number by its name (the number if it has none)
 * A row with @when (a number column) is shown only if that number is not 0;
 * @shown says whether it belongs to the --all output, the short one or both.
 * Columns are named by their ids (T, D and M below): a name that is not a
 * column does not compile.
 */
enum task_row_shown { ROW_ALWAYS, ROW_SHORT_ONLY, ROW_ALL_ONLY };

/* The record a column is read from: the task's, its detail, the mm's. */
enum task_record { REC_NONE, REC_TASK, REC_DETAIL, REC_MM };

struct task_col {
	enum task_record rec;
	int id;
};

#define T(id) { REC_TASK, PTI_TASK_##id }
#define D(id) { REC_DETAIL, PTI_DETAIL_##id }
#define M(id) { REC_MM, PTI_MM_##id }
#define TASK_ROW_COLS 5

struct task_row {
	const char *label, *fmt;
	struct task_col when;		/* REC_NONE: shown always */
	enum task_row_shown shown;
	struct task_col cols[TASK_ROW_COLS];	/* the rest REC_NONE */
};

#define ROW(label, fmt, ...) \
	{ label, fmt, { REC_NONE, 0 }, ROW_ALWAYS, { __VA_ARGS__ } }
#define ROW_IF(label, fmt, when, ...) \
	{ label, fmt, when, ROW_ALWAYS, { __VA_ARGS__ } }
/* A detail mask by name, then as a number: "NAME,NAME (0x...)". */
#define NAMED_ROW(label, id) ROW(label, "%s (%s)", D(id##_NAMES), D(id))

/* A section of the view: its name and rows, in the order shown. */
struct task_section {
	const char *name;
	const struct task_row *rows;
	size_t nrows;
};

static const struct task_row identity_rows[] = {
	ROW("pid", "%s", T(PID)),
	ROW("tgid", "%s", T(TGID)),
	ROW("comm", "%s", T(COMM)),
	ROW("name", "%s", T(NAME)),
	ROW("own pid namespace", "pid %s, tgid %s (level %s)",
	    D(NS_PID), D(NS_TGID), D(NS_LEVEL)),
	ROW("session", "%s", T(SID)),
	ROW("process group", "%s", T(PGID)),
};

static const struct task_row family_rows[] = {
	ROW("real_parent", "%s", D(REAL_PARENT_PID)),
	ROW("parent", "%s", D(PARENT_PID)),
	ROW_IF("ptraced by", "%s", T(TRACER),
	       T(TRACER)),
	ROW("group_leader", "%s", T(LEADER)),
	ROW("threads", "%s: %s", T(THREADS), D(THREAD_PIDS)),
	ROW("children", "%s: %s", D(NR_CHILDREN), D(CHILDREN)),
	ROW("siblings", "%s", D(SIBLINGS)),
	ROW("reaps orphans", "%Y", T(REAPER)),
};

static const struct task_row state_rows[] = {
	ROW("state", "%s %s (__state %s)",
	    T(STATE), D(STATE_NAMES), T(RAW_STATE)),
	ROW_IF("exit_state", "%s (%s)", T(EXIT_STATE),
	       D(EXIT_STATE_NAMES), T(EXIT_STATE)),
	ROW("flags", "%s (%s)", D(FLAG_NAMES), T(FLAGS)),
	ROW_IF("exit_code", "%s", T(EXIT_STATE),
	       T(EXIT_CODE)),
	ROW("exit_signal", "%s", D(EXIT_SIGNAL)),
};

static const struct task_row credentials_rows[] = {
	ROW("uid", "real %s, effective %s, saved %s, fs %s",
	    T(UID), T(EUID), T(SUID), T(FSUID)),
	ROW("gid", "real %s, effective %s, saved %s, fs %s",
	    T(GID), T(EGID), T(SGID), T(FSGID)),
	ROW("supplementary groups", "%s", D(NGROUPS)),
	ROW("real_cred differs", "%Y", D(CRED_DIFFERS)),
	ROW_IF("real_cred",
	       "euid %s, egid %s (objective: who may act on this task)",
	       D(CRED_DIFFERS),
	       D(REAL_EUID), D(REAL_EGID)),
	NAMED_ROW("inheritable", CAP_INH),
	NAMED_ROW("permitted", CAP_PRM),
	NAMED_ROW("effective", CAP_EFF),
	NAMED_ROW("bounding", CAP_BND),
	NAMED_ROW("ambient", CAP_AMB),
};

static const struct task_row scheduling_rows[] = {
	ROW("policy", "%E", T(POLICY)),
	ROW("class", "%s", D(SCHED_CLASS)),
	ROW("priority", "prio %s, static %s, normal %s, rt %s",
	    T(PRIO), T(STATIC_PRIO), T(NORMAL_PRIO), T(RT_PRIORITY)),
	ROW("nice", "%s", T(NICE)),
	ROW("vruntime", "%s ns", D(VRUNTIME)),
	ROW("sum_exec_runtime", "%T", D(SUM_EXEC_RUNTIME)),
	ROW("nr_migrations", "%s", D(NR_MIGRATIONS)),
	ROW("queued", "on_rq %s, on_cpu %s", D(ON_RQ), D(ON_CPU)),
	ROW("cpu", "%s", T(CPU)),
	ROW("allowed cpus", "%s (%s)",
	    D(CPUS_ALLOWED), D(NR_CPUS_ALLOWED)),
	ROW("times", "user %T, system %T",
	    T(UTIME_NS), T(STIME_NS)),
	ROW("context switches", "voluntary %s, involuntary %s",
	    T(NVCSW), T(NIVCSW)),
	ROW("started", "monotonic %T, boottime %T",
	    T(START_NS), T(START_BOOT_NS)),
};

static const struct task_row signals_rows[] = {
	NAMED_ROW("blocked", SIG_BLOCKED),
	NAMED_ROW("pending (thread)", SIG_PENDING),
	NAMED_ROW("pending (group)", SIG_SHARED_PENDING),
	ROW("ignored", "%s", D(SIG_IGNORED)),
	ROW("caught", "%s", D(SIG_CAUGHT)),
	ROW("dispositions", "%s", D(SIG_HANDLERS)),
};

static const struct task_row memory_rows[] = {
	ROW("has mm", "%Y", T(HAS_MM)),
	ROW("borrows active_mm", "%Y", D(BORROWS_MM)),
	ROW_IF("address space",
	       "%s VMAs, %P mapped; resident anon %P, file %P, shmem %P",
	       T(HAS_MM), M(MAP_COUNT), M(TOTAL_VM), M(RSS_ANON), M(RSS_FILE),
	       M(RSS_SHMEM)),
	ROW_IF("mm shared by", "mm_users %s, mm_count %s", T(HAS_MM),
	       M(MM_USERS), M(MM_COUNT)),
	ROW_IF("argv", "%s-%s", T(HAS_MM),
	       D(ARG_START), D(ARG_END)),
	ROW_IF("environment", "%s-%s", T(HAS_MM),
	       D(ENV_START), D(ENV_END)),
	ROW_IF("cmdline", "%L", T(HAS_MM),
	       D(CMDLINE)),
	{ "environ", "%N strings (--all shows them)", T(HAS_MM),
	  ROW_SHORT_ONLY, { D(ENVIRON) } },
	{ "environ", "%L", T(HAS_MM), ROW_ALL_ONLY, { D(ENVIRON) } },
};

static const struct task_row files_rows[] = {
	ROW("root", "%s", D(ROOT)),
	ROW("cwd", "%s", D(CWD)),
	ROW("descriptors", "%s open, table of %s", D(FDS), D(MAX_FDS)),
	ROW("files_struct users", "%s", D(FILES_USERS)),
	ROW("fs_struct users", "%s", D(FS_USERS)),
};

static const struct task_row kernel_stack_rows[] = {
	ROW("size", "%B", D(STACK_SIZE)),
	ROW("address", "%s", D(KADDR_STACK)),
};

#define SECTION(name, rows) { name, rows, sizeof(rows) / sizeof(rows[0]) }

/* The sections in the order shown, each with its rows. */
static const struct task_section sections[] = {
	SECTION("identity", identity_rows),
	SECTION("family", family_rows),
	SECTION("state", state_rows),
	SECTION("credentials", credentials_rows),
	SECTION("scheduling", scheduling_rows),
	SECTION("signals", signals_rows),
	SECTION("memory", memory_rows),
	SECTION("files", files_rows),
	SECTION("kernel stack", kernel_stack_rows),
};

#define NR_SECTIONS (sizeof(sections) / sizeof(sections[0]))

/* Column @c of the task view, and the record it is read from; NULL if
 * there is none (no mm summary).
 */
static const struct pti_column *lookup(const struct task_view *v,
				       struct task_col c, const void **rec)
{
	switch (c.rec) {
	case REC_TASK:
		*rec = &v->detail.base;
		return &pti_task_columns[c.id];
	case REC_DETAIL:
		*rec = &v->detail;
		return &pti_detail_columns[c.id];
	case REC_MM:
		*rec = &v->mm;
		return v->has_mm_summary ? &pti_mm_columns[c.id] : NULL;
	case REC_NONE:
		break;
	}
	return NULL;
}

static void value(const struct task_view *v, struct task_col c, char *buf,
		  size_t size)
{
	const void *rec;
	const struct pti_column *col = lookup(v, c, &rec);

	if (col)
		pti_column_format(col, rec, buf, size);
	if (!col || !buf[0])
		snprintf(buf, size, "-");
}

/*
 * Column @c as @directive shows it, in @out; returns @out.  The numeric
 * directives read the record's number; %s, %L and %N its text.
 */
static const char *render(const struct task_view *v, char directive,
			  struct task_col c, char *out, size_t size)
{
	const void *rec;
	const struct pti_column *col = lookup(v, c, &rec);
	uint64_t n = col ? pti_column_number(col, rec) : 0;
	size_t count = 0;

	if (!col && strchr("TPBYE", directive)) {
		snprintf(out, size, "-");
		return out;
	}
	switch (directive) {
	case 'T':
		snprintf(out, size, "%llu.%06llus",
			 (unsigned long long)(n / 1000000000ULL),
			 (unsigned long long)(n % 1000000000ULL / 1000));
		break;
	case 'P':
		pti_human_size(n * v->mm.page_size, out, size);
		break;
	case 'B':
		pti_human_size(n, out, size);
		break;
	case 'Y':
		snprintf(out, size, "%s", n ? "yes" : "no");
		break;
	case 'L':
		value(v, c, out, size);
		for (char *p = out; *p; p++)
			if (*p == '\n')
				*p = ' ';
		break;
	case 'N':
		value(v, c, out, size);
		if (*out && strcmp(out, "-")) {
			count = 1;
			for (const char *p = out; *p; p++)
				count += *p == '\n';
		}
		snprintf(out, size, "%zu", count);
		break;
	case 'E': {
		const char *name = pti_flag_names_value_text(&v->policies, n,
							     out, size);

		if (name != out)
			snprintf(out, size, "%s", name);
		break;
	}
	default:
		value(v, c, out, size);
	}
	return out;
}

/* Fill @row's format with its columns' values. */
static void row_text(const struct task_view *v, const struct task_row *row,
		     char *out, size_t size)
{
	size_t len = 0, next = 0;

	out[0] = '\0';
	for (const char *f = row->fmt; *f && len + 1 < size; f++) {
		char shown[PTI_ARGS_LEN];

		if (f[0] != '%' || !f[1]) {
			out[len++] = *f;
			out[len] = '\0';
			continue;
		}
		f++;
		if (next < TASK_ROW_COLS && row->cols[next].rec != REC_NONE) {
			render(v, *f, row->cols[next++], shown, sizeof(shown));
		} else {
			snprintf(shown, sizeof(shown), "?");
		}
		len += (size_t)snprintf(out + len, size - len, "%s", shown);
		if (len >= size)
			len = size - 1;
	}
}

static bool row_shown(const struct task_view *v, const struct task_row *row,
		      bool all)
{
	const struct pti_column *col;
	const void *rec;

	if ((row->shown == ROW_SHORT_ONLY && all) ||
	    (row->shown == ROW_ALL_ONLY && !all))
		return false;
	if (row->when.rec == REC_NONE)
		return true;
	col = lookup(v, row->when, &rec);
	return col && pti_column_number(col, rec) != 0;
}

/* The FIELD column's width: section names, and labels under "|-". */
static size_t field_width(const struct task_view *v, bool all)
{
	size_t w = 0;

	for (size_t s = 0; s < NR_SECTIONS; s++) {
		const struct task_section *sec = &sections[s];

		if (strlen(sec->name) > w)
			w = strlen(sec->name);
		for (size_t i = 0; i < sec->nrows; i++)
			if (row_shown(v, &sec->rows[i], all) &&
			    2 + strlen(sec->rows[i].label) > w)
				w = 2 + strlen(sec->rows[i].label);
	}
	return w;
}

static int print_human(const struct task_view *v, bool all)
{
	struct libscols_table *tb = scols_new_table();
	struct libscols_column *value_col;
	size_t term = pti_terminal_width(), width = 0;
	int ret = -1;

	if (!tb || !scols_table_new_column(tb, "FIELD", 0, SCOLS_FL_TREE))
		goto out;
	/* on a terminal, long lists go on as lines of whole names */
	value_col = scols_table_new_column(tb, "VALUE", 0, SCOLS_FL_WRAP);
	if (!value_col ||
	    scols_column_set_wrapfunc(value_col, scols_wrapnl_chunksize,
				      scols_wrapnl_nextchunk, NULL) ||
	    scols_column_set_safechars(value_col, "\n"))
		goto out;
	if (term) {
		width = field_width(v, all) + 1;
		width = term > width + 20 ? term - width : 20;
	}
	scols_table_enable_noheadings(tb, 1);
	for (size_t s = 0; s < NR_SECTIONS; s++) {
		const struct task_section *sec = &sections[s];
		struct libscols_line *parent = scols_table_new_line(tb, NULL);

		if (!parent)
			goto out;
		scols_line_set_data(parent, 0, sec->name);
		for (size_t i = 0; i < sec->nrows; i++) {
			const struct task_row *row = &sec->rows[i];
			struct libscols_line *ln;
			char text[PTI_ARGS_LEN + 256];
			char wrapped[PTI_ARGS_LEN + 512];

			if (!row_shown(v, row, all))
				continue;
			ln = scols_table_new_line(tb, parent);
			if (!ln)
				goto out;
			row_text(v, row, text, sizeof(text));
			pti_wrap_list(text, width, wrapped, sizeof(wrapped));
			scols_line_set_data(ln, 0, row->label);
			scols_line_set_data(ln, 1, wrapped);
		}
	}
	ret = scols_print_table(tb);
out:
	scols_unref_table(tb);
	return ret;
}

/* A newline-separated list as a JSON array of strings. */
static void json_list(struct pti_json *j, const char *key, const char *text)
{
	pti_json_array(j, key);
	while (*text && strcmp(text, "-")) {
		size_t n = strcspn(text, "\n");
		char item[PTI_ARGS_LEN];

		snprintf(item, sizeof(item), "%.*s", (int)n, text);
		pti_json_string(j, NULL, item);
		text += n + (text[n] == '\n');
	}
	pti_json_close(j);
}

/* Each column a section's rows name, once, typed; "mm." ones as "mm". */
static void json_section(struct pti_json *j, const struct task_view *v,
			 const struct task_section *sec)
{
	const char *done[64];
	size_t ndone = 0;
	bool want_mm = false;

	for (size_t i = 0; i < sec->nrows; i++) {
		const struct task_row *row = &sec->rows[i];

		for (size_t k = 0; k < TASK_ROW_COLS &&
				   row->cols[k].rec != REC_NONE; k++) {
			const struct pti_column *col;
			const void *rec;
			char buf[PTI_ARGS_LEN], name[sizeof(((struct pti_flag *)0)->name)];
			bool seen = false;

			if (row->cols[k].rec == REC_MM) {
				want_mm = true;
				continue;
			}
			col = lookup(v, row->cols[k], &rec);
			for (size_t d = 0; d < ndone; d++)
				seen |= col && done[d] == col->name;
			if (!col || seen || ndone == 64)
				continue;
			done[ndone++] = col->name;
			pti_column_format(col, rec, buf, sizeof(buf));
			if (col == &pti_detail_columns[PTI_DETAIL_CMDLINE] ||
			    col == &pti_detail_columns[PTI_DETAIL_ENVIRON])
				json_list(j, col->name, buf);
			else if (col == &pti_task_columns[PTI_TASK_POLICY])
				pti_json_string(j, col->name,
						render(v, 'E', row->cols[k],
						       name, sizeof(name)));
			else if (pti_column_is_number(col))
				pti_json_raw(j, col->name, buf);
			else
				pti_json_string(j, col->name, buf);
		}
	}
	if (!want_mm)
		return;
	if (v->has_mm_summary) {
		pti_json_object(j, "mm");
		pti_json_columns(j, pti_mm_columns, PTI_MM_NR_COLUMNS, &v->mm,
				 NULL);
		pti_json_close(j);
	} else {
		pti_json_null(j, "mm");
	}
}

static int print_json(const struct task_view *v)
{
	struct pti_json j;

	pti_json_begin(&j, stdout, PTI_JSON_PRETTY);
	for (size_t s = 0; s < NR_SECTIONS; s++) {
		char key[32];

		snprintf(key, sizeof(key), "%s", sections[s].name);
		for (char *p = key; *p; p++)
			if (*p == ' ')
				*p = '_';
		pti_json_object(&j, key);
		json_section(&j, v, &sections[s]);
		pti_json_close(&j);
	}
	return pti_json_end(&j);
}

static const struct pti_option task_options[] = {
	{ "all", 'a', NULL, "also the environment strings" },
	{ "json", 'J', NULL, "one JSON object, a member per section" },
	{ NULL },
};

static void usage(FILE *out)
{
	fputs("Usage: ptinspect task [options] PID\n\n"
	      "Show one task_struct whole: identity, family, state, credentials,\n"
	      "scheduling, signals, memory, files and kernel stack.  PID may be\n"
	      "any thread.  Needs root (/proc/ptinspect/task is root-only).\n\n"
	      "Options:\n", out);
	pti_options_help(out, task_options);
}

int pti_cmd_task(const struct pti_source *src, int argc, char **argv)
{
	static struct task_view v;
	struct pti_vma_reader r;
	char err[512] = "";
	bool json = false, all = false;
	struct pti_getopt opts;
	int c, pid, failed;

	pti_getopt_init(&opts, task_options, NULL);
	while ((c = pti_getopt_next(&opts, argc, argv)) != -1) {
		switch (c) {
		case 'a':
			all = true;
			break;
		case 'J':
			json = true;
			break;
		default:
			return pti_option_exit("task", c, usage);
		}
	}
	pid = pti_pid_operand("task", argc, argv, optind);
	if (pid < 0)
		return PTI_EXIT_USAGE;
	if (pti_detail_load(src, pid, &v.detail, err, sizeof(err)) ||
	    pti_flag_names_load(src, "policy", &v.policies, err, sizeof(err))) {
		fprintf(stderr, "ptinspect task: %s\n", err);
		return PTI_EXIT_FAILURE;
	}
	/* The mm summary is a second read: it may miss a task that just exited. */
	if (v.detail.base.has_mm &&
	    pti_vma_begin(src, pid, &r, &v.mm, err, sizeof(err)) == 0) {
		v.has_mm_summary = true;
		pti_vma_end(&r);
	}
	failed = json ? print_json(&v) : print_human(&v, all);
	pti_flag_names_free(&v.policies);
	if (failed)
		fputs("ptinspect task: cannot print the task\n", stderr);
	return failed ? PTI_EXIT_FAILURE : PTI_EXIT_OK;
}
