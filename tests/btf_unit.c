// SPDX-License-Identifier: GPL-2.0
/*
 * btf_unit.c - the module's BTF reader (module/btf_parse.c) and its
 * runqueue layout resolver (module/rq_layout.c) against libbpf's reading
 * of the same blob, on the host's own kernel BTF (or the file named by
 * PTI_BTF), and against corrupted blobs.  Built with AddressSanitizer: a
 * read outside the blob fails the test.
 */
#include <bpf/btf.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "harness.h"
#include "btf_parse.h"
#include "name_layout.h"
#include "rq_layout.h"

static const char *btf_path(void)
{
	const char *p = getenv("PTI_BTF");

	return p && *p ? p : "/sys/kernel/btf/vmlinux";
}

static void *slurp(const char *path, size_t *size)
{
	FILE *f = fopen(path, "rb");
	size_t cap = 1 << 20, n = 0;
	char *buf = malloc(cap);

	while (f && buf) {
		size_t got = fread(buf + n, 1, cap - n, f);

		n += got;
		if (n < cap)
			break;
		cap *= 2;
		buf = realloc(buf, cap);
	}
	if (f)
		fclose(f);
	*size = n;
	return buf;
}

/* Our reader over a private copy of the blob, indexed. */
struct ours {
	struct pti_btf b;
	void *data;
	size_t size;
	__u32 *index;
};

static int ours_open(struct ours *o)
{
	o->data = slurp(btf_path(), &o->size);
	if (!o->data || pti_btf_open(&o->b, o->data, o->size))
		return -1;
	o->index = calloc(o->b.nr_types, sizeof(*o->index));
	pti_btf_index(&o->b, o->index);
	return 0;
}

static void ours_close(struct ours *o)
{
	free(o->index);
	free(o->data);
}

FIXTURE(vmlinux) {
	struct ours o;
	struct btf *lib;
};

FIXTURE_SETUP(vmlinux)
{
	self->lib = btf__parse_raw(btf_path());
	if (!self->lib)
		SKIP(return, "no BTF at %s", btf_path());
	ASSERT_EQ(0, ours_open(&self->o));
}

FIXTURE_TEARDOWN(vmlinux)
{
	if (self->lib) {
		btf__free(self->lib);
		ours_close(&self->o);
	}
}

TEST_F(vmlinux, same_type_count_and_kinds)
{
	ASSERT_EQ(btf__type_cnt(self->lib) - 1, self->o.b.nr_types);
	for (__u32 id = 1; id <= self->o.b.nr_types; id++) {
		const struct btf_type *want = btf__type_by_id(self->lib, id);
		const struct btf_type *got = pti_btf_type(&self->o.b, id);

		ASSERT_EQ(want->info, got->info);
		ASSERT_EQ(want->name_off, got->name_off);
	}
}

/* Every named member of the structs the module reads, and more. */
TEST_F(vmlinux, member_offsets_match_libbpf)
{
	static const char *const structs[] = {
		"rq", "cfs_rq", "rt_rq", "dl_rq", "sched_entity", "task_struct",
		"task_group", "autogroup", "mm_struct", "load_weight",
	};
	int checked = 0;

	for (size_t s = 0; s < sizeof(structs) / sizeof(structs[0]); s++) {
		int lib_id = btf__find_by_name_kind(self->lib, structs[s],
						    BTF_KIND_STRUCT);
		int our_id = pti_btf_find(&self->o.b, BTF_KIND_STRUCT, structs[s]);
		const struct btf_type *t;
		const struct btf_member *m;

		if (lib_id < 0) {
			EXPECT_EQ(-ENOENT, our_id);
			continue;
		}
		ASSERT_EQ(lib_id, our_id) TH_LOG("struct %s", structs[s]);
		t = btf__type_by_id(self->lib, lib_id);
		m = btf_members(t);
		for (int i = 0; i < btf_vlen(t); i++, m++) {
			const char *name = btf__name_by_offset(self->lib, m->name_off);
			__u32 bits = btf_member_bit_offset(t, i);
			struct pti_btf_member got;
			int err;

			if (!name || !*name)
				continue;
			err = pti_btf_member(&self->o.b, our_id, name, &got);
			if (btf_member_bitfield_size(t, i) || bits % 8) {
				EXPECT_EQ(-EINVAL, err) TH_LOG("%s.%s", structs[s], name);
				continue;
			}
			ASSERT_EQ(0, err) TH_LOG("%s.%s", structs[s], name);
			EXPECT_EQ(bits / 8, got.offset) TH_LOG("%s.%s", structs[s], name);
			EXPECT_EQ(btf__resolve_size(self->lib, m->type), (long)got.size)
				TH_LOG("%s.%s", structs[s], name);
			checked++;
		}
	}
	EXPECT_GT(checked, 100);
}

TEST_F(vmlinux, percpu_offsets_match_libbpf)
{
	static const char *const vars[] = { "runqueues", PTI_RQ_ANCHOR, "this_cpu_off" };
	int sec = btf__find_by_name_kind(self->lib, ".data..percpu", BTF_KIND_DATASEC);
	const struct btf_type *t;

	ASSERT_GT(sec, 0);
	t = btf__type_by_id(self->lib, sec);
	for (size_t v = 0; v < sizeof(vars) / sizeof(vars[0]); v++) {
		const struct btf_var_secinfo *vi = btf_var_secinfos(t);
		long want = -1, want_size = -1;
		__u32 got = 0, got_size = 0;

		for (int i = 0; i < btf_vlen(t); i++, vi++)
			if (!strcmp(btf__name_by_offset(self->lib,
				btf__type_by_id(self->lib, vi->type)->name_off), vars[v])) {
				want = vi->offset;
				want_size = vi->size;
			}
		ASSERT_GE(want, 0) TH_LOG("%s", vars[v]);
		ASSERT_EQ(0, pti_btf_var_offset(&self->o.b, ".data..percpu", vars[v],
						&got, &got_size));
		EXPECT_EQ(want, (long)got) TH_LOG("%s", vars[v]);
		EXPECT_EQ(want_size, (long)got_size) TH_LOG("%s", vars[v]);
	}
	EXPECT_EQ(-ENOENT, pti_btf_var_offset(&self->o.b, ".data..percpu",
					      "no_such_variable", &(__u32){0},
					      &(__u32){0}));
}

/*
 * A blob whose per-CPU variable lies past its section's end (another
 * kernel's, or damaged) is refused before any address is made from it.
 */
TEST(percpu_variables_outside_their_section_are_refused)
{
	struct ours o;
	struct btf_var_secinfo *v;
	struct btf_type *sec;
	__u32 off, size;
	int id;

	if (ours_open(&o))
		SKIP(return, "no BTF at %s", btf_path());
	id = pti_btf_find(&o.b, BTF_KIND_DATASEC, ".data..percpu");
	ASSERT_GT(id, 0);
	sec = (struct btf_type *)pti_btf_type(&o.b, (__u32)id);
	v = (struct btf_var_secinfo *)(sec + 1);
	for (__u32 i = 0; i < BTF_INFO_VLEN(sec->info); i++, v++) {
		const char *name = pti_btf_str(&o.b, pti_btf_type(&o.b, v->type)->name_off);

		if (!name || strcmp(name, "runqueues"))
			continue;
		ASSERT_EQ(0, pti_btf_var_offset(&o.b, ".data..percpu", "runqueues",
						&off, &size));
		v->offset = sec->size - v->size + 1;	/* one byte past the end */
		EXPECT_EQ(-ERANGE, pti_btf_var_offset(&o.b, ".data..percpu",
						      "runqueues", &off, &size));
		v->offset = 0xfffffff0;			/* wraps around */
		EXPECT_EQ(-ERANGE, pti_btf_var_offset(&o.b, ".data..percpu",
						      "runqueues", &off, &size));
		ours_close(&o);
		return;
	}
	ours_close(&o);
	ASSERT_TRUE(false) TH_LOG("no runqueues in .data..percpu");
}

TEST_F(vmlinux, lookups_fail_closed)
{
	struct pti_btf_member m;
	int rq = pti_btf_find(&self->o.b, BTF_KIND_STRUCT, "rq");

	EXPECT_EQ(-ENOENT, pti_btf_find(&self->o.b, BTF_KIND_STRUCT, "no_such_struct"));
	ASSERT_GT(rq, 0);
	EXPECT_EQ(-ENOENT, pti_btf_member(&self->o.b, rq, "no_such_member", &m));
	EXPECT_EQ(NULL, pti_btf_type(&self->o.b, 0));
	EXPECT_EQ(NULL, pti_btf_type(&self->o.b, self->o.b.nr_types + 1));
	EXPECT_EQ(NULL, pti_btf_str(&self->o.b, self->o.b.strs_len));
}

/* Member @name of struct @id per libbpf, into anonymous members too. */
static bool lib_member(const struct btf *btf, __u32 id, const char *name,
		       __u32 base_bits, __u32 *off_bits, __u32 *size)
{
	const struct btf_type *t = btf__type_by_id(btf, id);
	const struct btf_member *m = btf_members(t);

	for (int i = 0; i < btf_vlen(t); i++, m++) {
		const char *mname = btf__name_by_offset(btf, m->name_off);
		__u32 bits = base_bits + btf_member_bit_offset(t, i);
		const struct btf_type *mt = btf__type_by_id(btf, m->type);

		if (mname && !strcmp(mname, name)) {
			*off_bits = bits;
			*size = (__u32)btf__resolve_size(btf, m->type);
			return true;
		}
		while (btf_is_mod(mt) || btf_is_typedef(mt))
			mt = btf__type_by_id(btf, mt->type);
		if ((!mname || !*mname) && (btf_is_struct(mt) || btf_is_union(mt)) &&
		    lib_member(btf, btf__resolve_type(btf, m->type), name, bits,
			       off_bits, size))
			return true;
	}
	return false;
}

static __u32 lib_size(const struct btf *btf, const char *name, int kind)
{
	int id = btf__find_by_name_kind(btf, name, kind);

	return id > 0 ? (__u32)btf__resolve_size(btf, id) : 0;
}

/* What the module passes as sizeof(), here read from the same BTF. */
static void lib_sizes(const struct btf *btf, struct pti_rq_sizes *sz)
{
	memset(sz, 0, sizeof(*sz));
	sz->size[PTI_SZ_LOCK] = lib_size(btf, "raw_spinlock", BTF_KIND_STRUCT);
	sz->size[PTI_SZ_LOAD_WEIGHT] = lib_size(btf, "load_weight", BTF_KIND_STRUCT);
	sz->size[PTI_SZ_RB_ROOT_CACHED] = lib_size(btf, "rb_root_cached",
						   BTF_KIND_STRUCT);
	sz->size[PTI_SZ_CSS] = lib_size(btf, "cgroup_subsys_state", BTF_KIND_STRUCT);
	sz->size[PTI_SZ_RT_QUEUES] = 100 * lib_size(btf, "list_head", BTF_KIND_STRUCT);
	sz->size[PTI_SZ_DL_ENTITY] = lib_size(btf, "sched_dl_entity", BTF_KIND_STRUCT);
}

/*
 * The runqueue layout resolves on this kernel (6.1 in the guest, 6.18 on
 * the host: EEVDF, nr_queued, no min_vruntime) and every member it names
 * is where libbpf finds it, under the first of its names this kernel has;
 * a member is absent exactly when no name is there.
 */
TEST_F(vmlinux, runqueue_layout_matches_libbpf)
{
	struct pti_rq_sizes sizes;
	struct pti_rq_layout l;
	char absent[256] = "";
	int err, found = 0;

	lib_sizes(self->lib, &sizes);
	err = pti_rq_layout_resolve(&self->o.b, &sizes, &l);
	if (err == -EOPNOTSUPP)
		TH_LOG("refused as the module would: %s", l.why);
	else
		ASSERT_EQ(0, err) TH_LOG("%s", l.why);
	for (unsigned int i = 0; i < pti_rq_nr_specs; i++) {
		const struct pti_rq_spec *s = &pti_rq_specs[i];
		const struct pti_rq_field *f = pti_rq_field_of(&l, s->field);
		int owner = btf__find_by_name_kind(self->lib, s->owner,
						   BTF_KIND_STRUCT);
		__u32 bits = 0, size = 0;
		bool there = false;

		for (int n = 0; owner > 0 && n < 3 && s->names[n] && !there; n++)
			there = lib_member(self->lib, owner, s->names[n], 0, &bits,
					   &size);
		if (!there) {
			EXPECT_FALSE(f->present) TH_LOG("%s.%s", s->owner, s->names[0]);
			continue;
		}
		/* A queue without all its parts is not walked. */
		if (!f->present && (f == &l.rt_queues || f == &l.dl_root))
			continue;
		ASSERT_TRUE(f->present) TH_LOG("%s.%s", s->owner, s->names[0]);
		EXPECT_EQ(bits / 8, f->off) TH_LOG("%s.%s", s->owner, s->names[0]);
		EXPECT_EQ(size, f->size) TH_LOG("%s.%s", s->owner, s->names[0]);
		found++;
	}
	for (unsigned int i = 0; i < pti_rq_nr_optionals; i++)
		if (!pti_rq_field_of(&l, pti_rq_optionals[i].field)->present)
			snprintf(absent + strlen(absent), sizeof(absent) - strlen(absent),
				 " %s", pti_rq_optionals[i].name);
	TH_LOG("%d members found; absent on this kernel:%s", found, absent);
	EXPECT_GT(found, 15);
	EXPECT_EQ(lib_size(self->lib, "rq", BTF_KIND_STRUCT), l.rq_size);
	/* EEVDF's members come together, and replace nothing required. */
	EXPECT_EQ(l.se_deadline.present, l.se_slice.present);
	EXPECT_EQ(l.se_deadline.present,
		  lib_member(self->lib, btf__find_by_name_kind(self->lib,
			     "sched_entity", BTF_KIND_STRUCT), "deadline", 0,
			     &(__u32){0}, &(__u32){0}));
}

/* Whether some 32-bit enum libbpf reads has the enumerator @name. */
static bool lib_has_enumerator(const struct btf *btf, const char *name)
{
	for (__u32 id = 1; id < btf__type_cnt(btf); id++) {
		const struct btf_type *t = btf__type_by_id(btf, id);
		const struct btf_enum *e = btf_enum(t);

		if (!btf_is_enum(t))
			continue;
		for (int i = 0; i < btf_vlen(t); i++)
			if (!strcmp(btf__name_by_offset(btf, e[i].name_off), name))
				return true;
	}
	return false;
}

/* libbpf's offset and size of @owner.@name; false if it has none. */
static bool lib_member_at(const struct btf *btf, const char *owner,
			  const char *name, __u32 *off, __u32 *size)
{
	int id = btf__find_by_name_kind(btf, owner, BTF_KIND_STRUCT);
	__u32 bits = 0;

	if (id <= 0 || !lib_member(btf, id, name, 0, &bits, size))
		return false;
	*off = bits / 8;
	return true;
}

/*
 * The members behind a kernel thread's /proc name resolve on this kernel,
 * each where libbpf finds it.
 */
TEST_F(vmlinux, kthread_name_layout_matches_libbpf)
{
	static const struct {
		const char *owner, *name;
		size_t field;
	} want[] = {
#define W(o, n, f) { o, n, offsetof(struct pti_name_layout, f) }
		W("kthread", "data", kthread_data),
		W("kthread", "full_name", kthread_full_name),
		W("worker", "desc", worker_desc),
		W("worker", "current_work", worker_current_work),
		W("worker", "pool", worker_pool),
		W("worker", "id", worker_id),
		W("worker", "rescue_wq", worker_rescue_wq),
		W("worker_pool", "cpu", pool_cpu),
		W("worker_pool", "id", pool_id),
		W("worker_pool", "attrs", pool_attrs),
		W("workqueue_struct", "name", wq_name),
#undef W
	};
	struct pti_name_layout l;

	ASSERT_EQ(0, pti_name_layout_resolve(&self->o.b, &l)) TH_LOG("%s", l.why);
	/* workers are named by id exactly where libbpf sees the enumerator */
	EXPECT_EQ(lib_has_enumerator(self->lib, "WORKER_ID_LEN"),
		  l.worker_named_by_id);
	EXPECT_FALSE(pti_btf_has_enumerator(&self->o.b, "PTI_NO_SUCH_ENUMERATOR"));
	EXPECT_TRUE(pti_btf_has_enumerator(&self->o.b, "TASK_COMM_LEN"));
	TH_LOG("workers named by id: %s", l.worker_named_by_id ? "yes" : "no");
	EXPECT_TRUE(l.kthread_ok);
	EXPECT_TRUE(l.worker_ok);
	for (size_t i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
		const struct pti_rq_field *f =
			(const void *)((const char *)&l + want[i].field);
		__u32 off = 0, size = 0;

		ASSERT_TRUE(lib_member_at(self->lib, want[i].owner, want[i].name,
					  &off, &size)) TH_LOG("%s.%s", want[i].owner, want[i].name);
		EXPECT_TRUE(f->present) TH_LOG("%s.%s", want[i].owner, want[i].name);
		EXPECT_EQ(off, f->off) TH_LOG("%s.%s", want[i].owner, want[i].name);
		EXPECT_EQ(size, f->size) TH_LOG("%s.%s", want[i].owner, want[i].name);
	}
}

/* A member whose type is not what the module was built for: refused. */
TEST_F(vmlinux, runqueue_layout_fails_closed)
{
	struct pti_rq_sizes sizes;
	struct pti_rq_layout l;

	lib_sizes(self->lib, &sizes);
	sizes.size[PTI_SZ_LOCK] += 8;
	EXPECT_EQ(-EINVAL, pti_rq_layout_resolve(&self->o.b, &sizes, &l));
	EXPECT_NE(NULL, strstr(l.why, "rq.__lock: unexpected type")) TH_LOG("%s", l.why);
	lib_sizes(self->lib, &sizes);
	sizes.size[PTI_SZ_LOAD_WEIGHT] = 1;
	EXPECT_EQ(-EINVAL, pti_rq_layout_resolve(&self->o.b, &sizes, &l));
	EXPECT_NE(NULL, strstr(l.why, "cfs_rq.load: unexpected type")) TH_LOG("%s", l.why);
}

static int cmp_u64(const void *a, const void *b)
{
	__u64 x = *(const __u64 *)a, y = *(const __u64 *)b;

	return x < y ? -1 : x > y;
}

/* A kind and name that several types share is refused, not guessed. */
TEST_F(vmlinux, ambiguous_names_are_refused)
{
	__u32 n = self->o.b.nr_types;
	__u64 *keys = calloc(n, sizeof(*keys));
	int tried = 0;

	for (__u32 id = 1; id <= n; id++) {
		const struct btf_type *t = btf__type_by_id(self->lib, id);

		keys[id - 1] = (__u64)btf_kind(t) << 32 | t->name_off;
	}
	qsort(keys, n, sizeof(*keys), cmp_u64);
	for (__u32 i = 1; i < n && tried < 5; i++) {
		__u32 kind = keys[i] >> 32, name_off = (__u32)keys[i];

		if (keys[i] != keys[i - 1] || !name_off)
			continue;
		EXPECT_EQ(-ENOTUNIQ, pti_btf_find(&self->o.b, kind,
			  btf__name_by_offset(self->lib, name_off)));
		tried++;
	}
	free(keys);
	if (!tried)
		SKIP(return, "every named type is unique in this BTF");
}

/* Damage the blob every way the header allows: each must be refused. */
/*
 * 7.x's uapi header adds layout_off and layout_len after str_len, so a
 * reader built with it must still take a kernel's 24-byte header, and any
 * reader must take a longer header whose extra words it does not know.
 */
TEST(headers_longer_or_shorter_than_the_build_s_are_read)
{
	const __u32 fixed = 6 * sizeof(__u32), extra = 8;
	struct ours o;
	struct btf_header *h, *h2;
	struct pti_btf b, b2;
	unsigned char *longer;

	o.data = slurp(btf_path(), &o.size);
	if (!o.data || o.size < fixed)
		SKIP(return, "no BTF at %s", btf_path());
	h = (struct btf_header *)o.data;
	ASSERT_EQ(0, pti_btf_open(&b, o.data, o.size));
	/* The same blob with its header grown by two zero words. */
	longer = calloc(1, o.size + extra);
	ASSERT_NE(NULL, longer);
	memcpy(longer, o.data, h->hdr_len);
	memcpy(longer + h->hdr_len + extra, (char *)o.data + h->hdr_len,
	       o.size - h->hdr_len);
	h2 = (struct btf_header *)longer;
	h2->hdr_len = h->hdr_len + extra;
	ASSERT_EQ(0, pti_btf_open(&b2, longer, o.size + extra));
	EXPECT_EQ(b.nr_types, b2.nr_types);
	EXPECT_EQ(b.types_len, b2.types_len);
	EXPECT_EQ(b.strs_len, b2.strs_len);
	EXPECT_EQ(0, memcmp(b.types, b2.types, b.types_len));
	free(longer);
	free(o.data);
}

TEST(corrupted_blobs_are_refused)
{
	struct ours o;
	struct btf_header *h;
	struct pti_btf b;
	unsigned char *copy;

	o.data = slurp(btf_path(), &o.size);
	if (!o.data || o.size < sizeof(*h))
		SKIP(return, "no BTF at %s", btf_path());
	copy = malloc(o.size);
	h = (struct btf_header *)copy;
#define DAMAGED(what) do {						\
		memcpy(copy, o.data, o.size);				\
		what;							\
	} while (0)
	DAMAGED(h->magic = 0x1234);
	EXPECT_EQ(-EINVAL, pti_btf_open(&b, copy, o.size));
	DAMAGED(h->version = 2);
	EXPECT_EQ(-EINVAL, pti_btf_open(&b, copy, o.size));
	DAMAGED(h->hdr_len = (__u32)o.size + 1);
	EXPECT_EQ(-EINVAL, pti_btf_open(&b, copy, o.size));
	DAMAGED(h->type_len = (__u32)o.size);
	EXPECT_EQ(-EINVAL, pti_btf_open(&b, copy, o.size));
	DAMAGED(h->str_off = 0xfffffff0);
	EXPECT_EQ(-EINVAL, pti_btf_open(&b, copy, o.size));
	DAMAGED(h->type_off = 2);
	EXPECT_EQ(-EINVAL, pti_btf_open(&b, copy, o.size));
	/* Cut inside the type section: the last type runs off the end. */
	DAMAGED(h->type_len -= 2);
	EXPECT_EQ(-EINVAL, pti_btf_open(&b, copy, o.size));
	/* Strings not NUL-terminated at the end of their section. */
	DAMAGED(copy[h->hdr_len + h->str_off + h->str_len - 1] = 'x');
	EXPECT_EQ(-EINVAL, pti_btf_open(&b, copy, o.size));
	/* Too short for a header's fixed part (magic..str_len), and empty. */
	memcpy(copy, o.data, o.size);
	EXPECT_EQ(-EINVAL, pti_btf_open(&b, copy, 6 * sizeof(__u32) - 1));
	DAMAGED(h->hdr_len = 6 * sizeof(__u32) - 4);
	EXPECT_EQ(-EINVAL, pti_btf_open(&b, copy, o.size));
	EXPECT_EQ(-EINVAL, pti_btf_open(&b, copy, 0));
	/* An unknown kind in the first type. */
	DAMAGED(((struct btf_type *)(copy + h->hdr_len + h->type_off))->info |= 0x1f << 24);
	EXPECT_EQ(-EINVAL, pti_btf_open(&b, copy, o.size));
	/* Truncated anywhere: never a read past the end (ASan watches). */
	for (size_t cut = 0; cut < 4096 && cut < o.size; cut += 7) {
		unsigned char *shorter = malloc(cut ? cut : 1);

		memcpy(shorter, o.data, cut);
		EXPECT_EQ(-EINVAL, pti_btf_open(&b, shorter, cut));
		free(shorter);
	}
#undef DAMAGED
	free(copy);
	free(o.data);
}

TEST_HARNESS_MAIN
