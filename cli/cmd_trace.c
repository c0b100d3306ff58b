/* cmd_trace.c - `ptinspect trace`: process life-cycle and scheduling events
 * from BPF tracepoints as they happen, or kernel-side counts (--summary).
 * Needs no module; runs on any kernel with BTF.
 */
#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "commands.h"
#include "json.h"
#include "trace_session.h"

#define DRAIN_INTERVAL_MS 100

/* Set from the signal handler: the only state a handler may touch. */
static volatile sig_atomic_t stop_requested;

static void request_stop(int sig)
{
	(void)sig;
	stop_requested = 1;
}

enum { OPT_ATTACH = PTI_OPT_OWN };

static const struct pti_option trace_options[] = {
	{ "pid", 'p', "PID", "only this process (its whole thread group)" },
	{ "follow", 'f', NULL, "and its descendants, present and future" },
	{ "comm", 'c', "COMM", "only tasks named COMM" },
	{ "events", 'e', "LIST", "comma-separated: fork,exec,exit,reap,orphan,\n"
	  "switch,wakeup (default: the life cycle)" },
	{ "sched", 's', NULL, "also stream switches, with each wakeup-to-run\n"
	  "wait (needs -p or -c; -e wakeup adds wakeups)" },
	{ "summary", 'S', NULL, "count instead: voluntary/involuntary switches\n"
	  "and run-queue wait per task, printed at the end" },
	{ "duration", 'd', "SECS", "stop after SECS (default: until Ctrl-C)" },
	{ "json", 'J', NULL, "one JSON object per line" },
	{ "buffer-size", 'b', "N", "ring buffer bytes: a power of two, at least\n"
	  "a page, K/M suffix (default 4M)" },
	{ "attach", OPT_ATTACH, "MODE", "tp_btf, raw_tp or auto (default)" },
	{ NULL },
};

static void usage(FILE *out)
{
	fputs("Usage: ptinspect trace [options]\n\n"
	      "Stream process life-cycle events as the kernel makes them (fork,\n"
	      "exec, exit, reap, orphan), optionally scheduling events, or count\n"
	      "switches and run-queue waits in the kernel (--summary).\n\n"
	      "Options:\n", out);
	pti_options_help(out, trace_options);
	fputs("\n"
	      "Times are seconds since start; ids are the init namespace's, with\n"
	      "nspid= when the task's own pid namespace numbers it differently.\n"
	      "Ends with the count of events produced, delivered and dropped.\n"
	      "Needs root (CAP_BPF and CAP_PERFMON) and kernel BTF.\n", out);
}

/* A BPF ring buffer's size: a power of two, at least a page, up to 1 GiB. */
static int parse_size(const char *text, size_t page, size_t *out)
{
	char *end;
	unsigned long long v = strtoull(text, &end, 10);

	if (end == text)
		return -1;
	if (*end == 'K' || *end == 'k')
		v <<= 10, end++;
	else if (*end == 'M' || *end == 'm')
		v <<= 20, end++;
	if (*end || v < page || v > (1ULL << 30) || (v & (v - 1)))
		return -1;
	*out = (size_t)v;
	return 0;
}

static double now_seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void announce(const struct pti_trace_session *s,
		     const struct pti_trace_config *cfg, bool json)
{
	if (json) {
		struct pti_json j;

		pti_json_begin(&j, stdout, PTI_JSON_LINE);
		pti_json_string(&j, "type", "attached");
		pti_json_string(&j, "attach", s->attach_name);
		pti_json_u64(&j, "buffer_bytes", cfg->buffer_bytes);
		pti_json_end(&j);
		fflush(stdout);
	}
	fprintf(stderr, "ptinspect trace: attached (%s); %s\n", s->attach_name,
		cfg->summary ? "counting, Ctrl-C to print the summary" :
		"Ctrl-C to stop");
}

static int run(const struct pti_trace_config *cfg, bool json, double duration)
{
	struct pti_trace_printer printer = { .out = stdout, .json = json };
	struct pti_trace_session s;
	struct pti_trace_counts counts;
	/*
	 * SA_RESTART: a Ctrl-C that lands while stdout is blocked on a full
	 * pipe must not fail that write (EINTR) and lose the tail; the poll
	 * still returns (epoll_wait is never restarted). SA_RESETHAND: a
	 * second Ctrl-C ends a tracer whose reader has stopped reading.
	 */
	struct sigaction sa = { .sa_handler = request_stop,
				.sa_flags = SA_RESTART | SA_RESETHAND };
	struct timespec t0;
	double deadline;
	int ret = PTI_EXIT_OK;

	if (pti_trace_start(&s, cfg, &printer)) {
		pti_trace_close(&s);
		return PTI_EXIT_FAILURE;
	}
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	printer.t0_ns = t0.tv_sec * 1000000000ULL + t0.tv_nsec;
	announce(&s, cfg, json);
	deadline = duration > 0 ? now_seconds() + duration : 0;
	while (!stop_requested && !s.output_errno) {
		if (pti_trace_poll(&s, DRAIN_INTERVAL_MS) < 0) {
			fprintf(stderr, "ptinspect trace: reading events failed\n");
			ret = PTI_EXIT_FAILURE;
			break;
		}
		if (deadline && now_seconds() >= deadline)
			break;
	}
	pti_trace_stop(&s, &counts);
	if (cfg->summary && pti_trace_print_summary(&s))
		ret = PTI_EXIT_FAILURE;
	pti_trace_print_counts(&printer, &counts);
	if (fflush(stdout) && !s.output_errno)
		s.output_errno = errno;
	if (s.output_errno) {
		/* A reader that went away (| head) is not worth a message. */
		if (s.output_errno != EPIPE)
			fprintf(stderr, "ptinspect trace: writing output failed: %s\n",
				strerror(s.output_errno));
		ret = PTI_EXIT_FAILURE;
	}
	pti_trace_close(&s);
	return ret;
}

int pti_cmd_trace(const struct pti_source *src, int argc, char **argv)
{
	struct pti_trace_config cfg = {
		.events = PTI_EV_LIFECYCLE,
		.buffer_bytes = PTI_RINGBUF_DEFAULT,
	};
	bool json = false, sched = false, events_given = false;
	/* the kernel sizes ring buffers in whole pages */
	size_t page = (size_t)sysconf(_SC_PAGESIZE);
	double duration = 0;
	char bad[64], *end;
	struct pti_getopt opts;
	int c;

	(void)src;	/* the tracer reads the kernel, not the module's files */
	pti_getopt_init(&opts, trace_options, NULL);
	while ((c = pti_getopt_next(&opts, argc, argv)) != -1) {
		switch (c) {
		case 'p':
			cfg.pid = pti_pid_arg("trace", optarg);
			if (cfg.pid < 0)
				return PTI_EXIT_USAGE;
			break;
		case 'f':
			cfg.follow = true;
			break;
		case 'c':
			if (!*optarg || strlen(optarg) >= PTI_COMM_LEN) {
				fprintf(stderr, "ptinspect trace: a comm is 1 to %d "
					"characters: '%s'\n", PTI_COMM_LEN - 1, optarg);
				return PTI_EXIT_USAGE;
			}
			cfg.comm = optarg;
			break;
		case 'e':
			if (pti_trace_parse_events(optarg, &cfg.events, bad,
						   sizeof(bad))) {
				fprintf(stderr, "ptinspect trace: unknown event '%s' "
					"(fork,exec,exit,reap,orphan,switch,wakeup)\n",
					bad);
				return PTI_EXIT_USAGE;
			}
			events_given = true;
			break;
		case 's':
			sched = true;
			break;
		case 'S':
			cfg.summary = true;
			break;
		case 'd':
			duration = strtod(optarg, &end);
			if (end == optarg || *end || !(duration > 0)) {
				fprintf(stderr, "ptinspect trace: invalid duration '%s'\n",
					optarg);
				return PTI_EXIT_USAGE;
			}
			break;
		case 'J':
			json = true;
			break;
		case 'b':
			if (parse_size(optarg, page, &cfg.buffer_bytes)) {
				fprintf(stderr, "ptinspect trace: buffer size must be a "
					"power of two from the page size (%zuK) to "
					"1G: '%s'\n", page >> 10, optarg);
				return PTI_EXIT_USAGE;
			}
			break;
		case OPT_ATTACH:
			if (strcmp(optarg, "tp_btf") == 0)
				cfg.attach = PTI_ATTACH_TP_BTF;
			else if (strcmp(optarg, "raw_tp") == 0)
				cfg.attach = PTI_ATTACH_RAW_TP;
			else if (strcmp(optarg, "auto") == 0)
				cfg.attach = PTI_ATTACH_AUTO;
			else {
				fprintf(stderr, "ptinspect trace: --attach is tp_btf, "
					"raw_tp or auto, not '%s'\n", optarg);
				return PTI_EXIT_USAGE;
			}
			break;
		default:
			return pti_option_exit("trace", c, usage);
		}
	}
	if (optind != argc) {
		fprintf(stderr, "ptinspect trace: unexpected argument '%s'\n",
			argv[optind]);
		return PTI_EXIT_USAGE;
	}
	if (cfg.follow && !cfg.pid) {
		fprintf(stderr, "ptinspect trace: --follow needs -p PID\n");
		return PTI_EXIT_USAGE;
	}
	/* Switches carry each wakeup's wait; wakeups themselves on request. */
	if (sched && !events_given)
		cfg.events |= PTI_EV_BIT(PTI_EV_SWITCH);
	if ((cfg.events & PTI_EV_SCHED) && !cfg.summary && !cfg.pid && !cfg.comm) {
		fprintf(stderr, "ptinspect trace: streaming every switch of every "
			"task would flood the buffer; give -p PID or -c COMM, or "
			"count with --summary\n");
		return PTI_EXIT_USAGE;
	}
	return run(&cfg, json, duration);
}
