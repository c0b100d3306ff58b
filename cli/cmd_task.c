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
	const char *section, *label, *fmt;
	struct task_col when;		/* REC_NONE: shown always */
	enum task_row_shown shown;
	struct task_col cols[TASK_ROW_COLS];	/* the rest REC_NONE */
};

#define ROW(section, label, fmt, ...) \
	{ section, label, fmt, { REC_NONE, 0 }, ROW_ALWAYS, { __VA_ARGS__ } }
#define ROW_IF(section, label, fmt, when, ...) \
	{ section, label, fmt, when, ROW_ALWAYS, { __VA_ARGS__ } }

static const struct task_row rows[] = {
	ROW("identity", "pid", "%s", T(PID)),
	ROW("identity", "tgid", "%s", T(TGID)),
	ROW("identity", "comm", "%s", T(COMM)),
	ROW("identity", "name", "%s", T(NAME)),
	ROW("identity", "own pid namespace", "pid %s, tgid %s (level %s)",
	    D(NS_PID), D(NS_TGID), D(NS_LEVEL)),
	ROW("identity", "session", "%s", T(SID)),
	ROW("identity", "process group", "%s", T(PGID)),

	ROW("family", "real_parent", "%s", D(REAL_PARENT_PID)),
	ROW("family", "parent", "%s", D(PARENT_PID)),
	ROW_IF("family", "ptraced by", "%s", T(TRACER),
	       T(TRACER)),
	ROW("family", "group_leader", "%s", T(LEADER)),
	ROW("family", "threads", "%s: %s", T(THREADS), D(THREAD_PIDS)),
	ROW("family", "children", "%s: %s", D(NR_CHILDREN), D(CHILDREN)),
	ROW("family", "siblings", "%s", D(SIBLINGS)),
	ROW("family", "reaps orphans", "%Y", T(REAPER)),

	ROW("state", "state", "%s %s (__state %s)",
	    T(STATE), D(STATE_NAMES), T(RAW_STATE)),
	ROW_IF("state", "exit_state", "%s (%s)", T(EXIT_STATE),
	       D(EXIT_STATE_NAMES), T(EXIT_STATE)),
	ROW("state", "flags", "%s (%s)", D(FLAG_NAMES), T(FLAGS)),
	ROW_IF("state", "exit_code", "%s", T(EXIT_STATE),
	       T(EXIT_CODE)),
	ROW("state", "exit_signal", "%s", D(EXIT_SIGNAL)),

	ROW("credentials", "uid", "real %s, effective %s, saved %s, fs %s",
	    T(UID), T(EUID), T(SUID), T(FSUID)),
	ROW("credentials", "gid", "real %s, effective %s, saved %s, fs %s",
	    T(GID), T(EGID), T(SGID), T(FSGID)),
	ROW("credentials", "supplementary groups", "%s", D(NGROUPS)),
	ROW("credentials", "real_cred differs", "%Y", D(CRED_DIFFERS)),
	ROW_IF("credentials", "real_cred",
	       "euid %s, egid %s (objective: who may act on this task)",
	       D(CRED_DIFFERS),
	       D(REAL_EUID), D(REAL_EGID)),
	ROW("credentials", "inheritable", "%s (%s)",
	    D(CAP_INH_NAMES), D(CAP_INH)),
	ROW("credentials", "permitted", "%s (%s)",
	    D(CAP_PRM_NAMES), D(CAP_PRM)),
	ROW("credentials", "effective", "%s (%s)",
	    D(CAP_EFF_NAMES), D(CAP_EFF)),
	ROW("credentials", "bounding", "%s (%s)", D(CAP_BND_NAMES), D(CAP_BND)),
	ROW("credentials", "ambient", "%s (%s)", D(CAP_AMB_NAMES), D(CAP_AMB)),

	ROW("scheduling", "policy", "%E", T(POLICY)),
	ROW("scheduling", "class", "%s", D(SCHED_CLASS)),
	ROW("scheduling", "priority", "prio %s, static %s, normal %s, rt %s",
	    T(PRIO), T(STATIC_PRIO), T(NORMAL_PRIO), T(RT_PRIORITY)),
	ROW("scheduling", "nice", "%s", T(NICE)),
	ROW("scheduling", "vruntime", "%s ns", D(VRUNTIME)),
	ROW("scheduling", "sum_exec_runtime", "%T", D(SUM_EXEC_RUNTIME)),
	ROW("scheduling", "nr_migrations", "%s", D(NR_MIGRATIONS)),
	ROW("scheduling", "queued", "on_rq %s, on_cpu %s", D(ON_RQ), D(ON_CPU)),
	ROW("scheduling", "cpu", "%s", T(CPU)),
	ROW("scheduling", "allowed cpus", "%s (%s)",
	    D(CPUS_ALLOWED), D(NR_CPUS_ALLOWED)),
	ROW("scheduling", "times", "user %T, system %T",
	    T(UTIME_NS), T(STIME_NS)),
	ROW("scheduling", "context switches", "voluntary %s, involuntary %s",
	    T(NVCSW), T(NIVCSW)),
	ROW("scheduling", "started", "monotonic %T, boottime %T",
	    T(START_NS), T(START_BOOT_NS)),

	ROW("signals", "blocked", "%s (%s)",
	    D(SIG_BLOCKED_NAMES), D(SIG_BLOCKED)),
	ROW("signals", "pending (thread)", "%s (%s)",
	    D(SIG_PENDING_NAMES), D(SIG_PENDING)),
	ROW("signals", "pending (group)", "%s (%s)",
	    D(SIG_SHARED_PENDING_NAMES), D(SIG_SHARED_PENDING)),
	ROW("signals", "ignored", "%s", D(SIG_IGNORED)),
	ROW("signals", "caught", "%s", D(SIG_CAUGHT)),
	ROW("signals", "dispositions", "%s", D(SIG_HANDLERS)),

	ROW("memory", "has mm", "%Y", T(HAS_MM)),
	ROW("memory", "borrows active_mm", "%Y", D(BORROWS_MM)),
	ROW_IF("memory", "address space",
	       "%s VMAs, %P mapped; resident anon %P, file %P, shmem %P",
	       T(HAS_MM), M(MAP_COUNT), M(TOTAL_VM), M(RSS_ANON), M(RSS_FILE),
	       M(RSS_SHMEM)),
	ROW_IF("memory", "mm shared by", "mm_users %s, mm_count %s", T(HAS_MM),
	       M(MM_USERS), M(MM_COUNT)),
	ROW_IF("memory", "argv", "%s-%s", T(HAS_MM),
	       D(ARG_START), D(ARG_END)),
	ROW_IF("memory", "environment", "%s-%s", T(HAS_MM),
	       D(ENV_START), D(ENV_END)),
	ROW_IF("memory", "cmdline", "%L", T(HAS_MM),
	       D(CMDLINE)),
	{ "memory", "environ", "%N strings (--all shows them)", T(HAS_MM),
	  ROW_SHORT_ONLY, { D(ENVIRON) } },
	{ "memory", "environ", "%L", T(HAS_MM), ROW_ALL_ONLY, { D(ENVIRON) } },

	ROW("files", "root", "%s", D(ROOT)),
	ROW("files", "cwd", "%s", D(CWD)),
	ROW("files", "descriptors", "%s open, table of %s", D(FDS), D(MAX_FDS)),
	ROW("files", "files_struct users", "%s", D(FILES_USERS)),
	ROW("files", "fs_struct users", "%s", D(FS_USERS)),

	ROW("kernel stack", "size", "%B", D(STACK_SIZE)),
	ROW("kernel stack", "address", "%s", D(KADDR_STACK)),
};

static const char *const sections[] = {
	"identity", "family", "state", "credentials", "scheduling", "signals",
	"memory", "files", "kernel stack",
};

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

	for (size_t s = 0; s < sizeof(sections) / sizeof(sections[0]); s++)
		if (strlen(sections[s]) > w)
			w = strlen(sections[s]);
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++)
		if (row_shown(v, &rows[i], all) && 2 + strlen(rows[i].label) > w)
			w = 2 + strlen(rows[i].label);
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
	for (size_t s = 0; s < sizeof(sections) / sizeof(sections[0]); s++) {
		struct libscols_line *parent = scols_table_new_line(tb, NULL);

		if (!parent)
			goto out;
		scols_line_set_data(parent, 0, sections[s]);
		for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
			struct libscols_line *ln;
			char text[PTI_ARGS_LEN + 256];
			char wrapped[PTI_ARGS_LEN + 512];

			if (strcmp(rows[i].section, sections[s]) ||
			    !row_shown(v, &rows[i], all))
				continue;
			ln = scols_table_new_line(tb, parent);
			if (!ln)
				goto out;
			row_text(v, &rows[i], text, sizeof(text));
			pti_wrap_list(text, width, wrapped, sizeof(wrapped));
			scols_line_set_data(ln, 0, rows[i].label);
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
			 const char *section)
{
	const char *done[64];
	size_t ndone = 0;
	bool want_mm = false;

	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		if (strcmp(rows[i].section, section))
			continue;
		for (size_t k = 0; k < TASK_ROW_COLS &&
				   rows[i].cols[k].rec != REC_NONE; k++) {
			const struct pti_column *col;
			const void *rec;
			char buf[PTI_ARGS_LEN], name[sizeof(((struct pti_flag *)0)->name)];
			bool seen = false;

			if (rows[i].cols[k].rec == REC_MM) {
				want_mm = true;
				continue;
			}
			col = lookup(v, rows[i].cols[k], &rec);
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
						render(v, 'E', rows[i].cols[k],
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
	for (size_t s = 0; s < sizeof(sections) / sizeof(sections[0]); s++) {
		char key[32];

		snprintf(key, sizeof(key), "%s", sections[s]);
		for (char *p = key; *p; p++)
			if (*p == ' ')
				*p = '_';
		pti_json_object(&j, key);
		json_section(&j, v, sections[s]);
		pti_json_close(&j);
	}
	return pti_json_end(&j);
}

static void usage(FILE *out)
{
	fputs("Usage: ptinspect task [options] PID\n\n"
	      "Show one task_struct whole: identity, family, state, credentials,\n"
	      "scheduling, signals, memory, files and kernel stack.  PID may be\n"
	      "any thread.  Needs root (/proc/ptinspect/task is root-only).\n\n"
	      "Options:\n"
	      "  -a, --all    also the environment strings\n"
	      "  -J, --json   one JSON object, a member per section\n"
	      "  -h, --help   this help\n", out);
}

int pti_cmd_task(const struct pti_source *src, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "all", no_argument, NULL, 'a' },
		{ "json", no_argument, NULL, 'J' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	static struct task_view v;
	struct pti_vma_reader r;
	char err[512] = "";
	bool json = false, all = false;
	int c, pid, failed;

	optind = 0;
	while ((c = getopt_long(argc, argv, "aJh", longopts, NULL)) != -1) {
		switch (c) {
		case 'a':
			all = true;
			break;
		case 'J':
			json = true;
			break;
		case 'h':
			usage(stdout);
			return PTI_EXIT_OK;
		default:
			fputs("Try 'ptinspect task --help'.\n", stderr);
			return PTI_EXIT_USAGE;
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
