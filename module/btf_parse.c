// SPDX-License-Identifier: GPL-2.0
/*
 * btf_parse.c - read struct layouts and per-CPU variable offsets from a raw
 * BTF blob.  Every offset read from the blob is checked against the
 * blob's own header before it is followed; every walk is bounded.
 * Plain C with no kernel calls, so the host unit test builds it as is.
 */
#ifdef __KERNEL__
#include <linux/errno.h>
#include <linux/stddef.h>
#include <linux/string.h>
#else
#include <errno.h>
#include <stddef.h>
#include <string.h>
#endif
#include "btf_parse.h"

#define PTI_BTF_MAGIC		0xeB9F
/*
 * The header's fixed part, magic through str_len.  Newer uapi headers
 * (7.x) add members after it (layout_off, layout_len) that a blob may or
 * may not carry: hdr_len says, and nothing past str_len is read, so the
 * reader takes every blob whatever headers it was built with.
 */
#define PTI_BTF_HDR_MIN		(offsetof(struct btf_header, str_len) + sizeof(__u32))
#define PTI_BTF_MAX_CHAIN	32	/* typedef/qualifier hops */
#define PTI_BTF_MAX_NEST	8	/* anonymous struct/union depth */

/* Bytes that follow a struct btf_type of this kind, or -1 if unknown. */
static long pti_btf_extra(const struct btf_type *t)
{
	__u32 vlen = BTF_INFO_VLEN(t->info);

	switch (BTF_INFO_KIND(t->info)) {
	case BTF_KIND_INT:
		return sizeof(__u32);
	case BTF_KIND_PTR:
	case BTF_KIND_FWD:
	case BTF_KIND_TYPEDEF:
	case BTF_KIND_VOLATILE:
	case BTF_KIND_CONST:
	case BTF_KIND_RESTRICT:
	case BTF_KIND_FUNC:
	case BTF_KIND_FLOAT:
	case BTF_KIND_TYPE_TAG:
		return 0;
	case BTF_KIND_ARRAY:
		return sizeof(struct btf_array);
	case BTF_KIND_STRUCT:
	case BTF_KIND_UNION:
		return (long)vlen * sizeof(struct btf_member);
	case BTF_KIND_ENUM:
		return (long)vlen * sizeof(struct btf_enum);
	case BTF_KIND_FUNC_PROTO:
		return (long)vlen * sizeof(struct btf_param);
	case BTF_KIND_VAR:
		return sizeof(struct btf_var);
	case BTF_KIND_DATASEC:
		return (long)vlen * sizeof(struct btf_var_secinfo);
	case BTF_KIND_DECL_TAG:
		return sizeof(struct btf_decl_tag);
	case BTF_KIND_ENUM64:
		return (long)vlen * sizeof(struct btf_enum64);
	}
	return -1;
}

/* Walk the type section; with @index, record where each type starts. */
static int pti_btf_walk(struct pti_btf *b, __u32 *index)
{
	__u32 off = 0, n = 0;

	while (off < b->types_len) {
		const struct btf_type *t;
		long extra;

		if (b->types_len - off < sizeof(*t))
			return -EINVAL;
		t = (const struct btf_type *)(b->types + off);
		extra = pti_btf_extra(t);
		if (extra < 0 || b->types_len - off - sizeof(*t) < (__u32)extra)
			return -EINVAL;
		if (index)
			index[n] = off;
		n++;
		off += sizeof(*t) + (__u32)extra;
	}
	b->nr_types = n;
	return 0;
}

/**
 * pti_btf_open() - check a raw BTF blob and count its types
 * @b: reader to set up
 * @data: the blob, as /sys/kernel/btf/vmlinux holds it
 * @size: its length
 *
 * Return: 0, or -EINVAL if the header or any type runs outside the blob.
 */
int pti_btf_open(struct pti_btf *b, const void *data, size_t size)
{
	const struct btf_header *h = data;
	const unsigned char *base = data;
	size_t body;

	memset(b, 0, sizeof(*b));
	if (size < PTI_BTF_HDR_MIN || h->magic != PTI_BTF_MAGIC ||
	    h->version != 1 || h->hdr_len < PTI_BTF_HDR_MIN || h->hdr_len > size)
		return -EINVAL;
	body = size - h->hdr_len;
	if (h->type_off > body || h->type_len > body - h->type_off ||
	    h->str_off > body || h->str_len > body - h->str_off ||
	    h->type_off % 4 || h->str_len == 0)
		return -EINVAL;
	b->types = base + h->hdr_len + h->type_off;
	b->types_len = h->type_len;
	b->strs = (const char *)base + h->hdr_len + h->str_off;
	b->strs_len = h->str_len;
	/* Every name must end inside the section: make sure the last does. */
	if (b->strs[b->strs_len - 1] != '\0')
		return -EINVAL;
	return pti_btf_walk(b, NULL);
}

/**
 * pti_btf_index() - record where each type starts, for lookups by id
 * @b: an opened reader
 * @index: room for b->nr_types offsets; owned by the caller
 */
void pti_btf_index(struct pti_btf *b, __u32 *index)
{
	pti_btf_walk(b, index);
	b->index = index;
}

const char *pti_btf_str(const struct pti_btf *b, __u32 off)
{
	return off < b->strs_len ? b->strs + off : NULL;
}

const struct btf_type *pti_btf_type(const struct pti_btf *b, __u32 id)
{
	if (!b->index || id == 0 || id > b->nr_types)
		return NULL;
	return (const struct btf_type *)(b->types + b->index[id - 1]);
}

static bool pti_btf_named(const struct pti_btf *b, const struct btf_type *t,
			  const char *name)
{
	const char *s = pti_btf_str(b, t->name_off);

	return s && strcmp(s, name) == 0;
}

int pti_btf_find(const struct pti_btf *b, unsigned int kind, const char *name)
{
	int found = -ENOENT;
	__u32 id;

	for (id = 1; id <= b->nr_types; id++) {
		const struct btf_type *t = pti_btf_type(b, id);

		if (!t || BTF_INFO_KIND(t->info) != kind || !pti_btf_named(b, t, name))
			continue;
		if (found > 0)
			return -ENOTUNIQ;
		found = (int)id;
	}
	return found;
}

__u32 pti_btf_resolve(const struct pti_btf *b, __u32 id)
{
	int hops;

	for (hops = 0; hops < PTI_BTF_MAX_CHAIN; hops++) {
		const struct btf_type *t = pti_btf_type(b, id);

		if (!t)
			return 0;
		switch (BTF_INFO_KIND(t->info)) {
		case BTF_KIND_TYPEDEF:
		case BTF_KIND_VOLATILE:
		case BTF_KIND_CONST:
		case BTF_KIND_RESTRICT:
		case BTF_KIND_TYPE_TAG:
			id = t->type;
			continue;
		}
		return id;
	}
	return 0;
}

__u32 pti_btf_size(const struct pti_btf *b, __u32 id)
{
	int depth;
	__u32 count = 1;

	/* Arrays of arrays multiply; bounded like typedef chains. */
	for (depth = 0; depth < PTI_BTF_MAX_CHAIN; depth++) {
		const struct btf_type *t = pti_btf_type(b, pti_btf_resolve(b, id));
		const struct btf_array *a;

		if (!t)
			return 0;
		switch (BTF_INFO_KIND(t->info)) {
		case BTF_KIND_INT:
		case BTF_KIND_ENUM:
		case BTF_KIND_ENUM64:
		case BTF_KIND_STRUCT:
		case BTF_KIND_UNION:
		case BTF_KIND_FLOAT:
			return count * t->size;
		case BTF_KIND_PTR:
			return count * (__u32)sizeof(void *);
		case BTF_KIND_ARRAY:
			a = (const struct btf_array *)(t + 1);
			count *= a->nelems;
			id = a->type;
			continue;
		default:
			return 0;
		}
	}
	return 0;
}

static int pti_btf_member_at(const struct pti_btf *b, __u32 id,
			     const char *name, __u32 base_bits, int depth,
			     struct pti_btf_member *out)
{
	const struct btf_type *t = pti_btf_type(b, pti_btf_resolve(b, id));
	const struct btf_member *m;
	__u32 i, kind;

	if (!t || depth > PTI_BTF_MAX_NEST)
		return -ENOENT;
	kind = BTF_INFO_KIND(t->info);
	if (kind != BTF_KIND_STRUCT && kind != BTF_KIND_UNION)
		return -ENOENT;
	m = (const struct btf_member *)(t + 1);
	for (i = 0; i < BTF_INFO_VLEN(t->info); i++, m++) {
		__u32 bits = m->offset, bitfield = 0;
		const struct btf_type *mt;

		/* kind_flag: the offset word also carries a bitfield size. */
		if (BTF_INFO_KFLAG(t->info)) {
			bitfield = BTF_MEMBER_BITFIELD_SIZE(m->offset);
			bits = BTF_MEMBER_BIT_OFFSET(m->offset);
		}
		bits += base_bits;
		if (m->name_off == 0) {
			if (pti_btf_member_at(b, m->type, name, bits, depth + 1,
					      out) == 0)
				return 0;
			continue;
		}
		if (!pti_btf_named(b, (const struct btf_type *)m, name))
			continue;
		if (bitfield || bits % 8)
			return -EINVAL;
		mt = pti_btf_type(b, pti_btf_resolve(b, m->type));
		out->offset = bits / 8;
		out->size = pti_btf_size(b, m->type);
		out->type = m->type;
		out->kind = mt ? BTF_INFO_KIND(mt->info) : BTF_KIND_UNKN;
		return 0;
	}
	return -ENOENT;
}

int pti_btf_member(const struct pti_btf *b, __u32 id, const char *name,
		   struct pti_btf_member *out)
{
	return pti_btf_member_at(b, id, name, 0, 0, out);
}

int pti_btf_var_offset(const struct pti_btf *b, const char *sec,
		       const char *var, __u32 *offset, __u32 *size)
{
	const struct btf_var_secinfo *v;
	const struct btf_type *t;
	int id = pti_btf_find(b, BTF_KIND_DATASEC, sec);
	__u32 i;

	if (id < 0)
		return id;
	t = pti_btf_type(b, (__u32)id);
	v = (const struct btf_var_secinfo *)(t + 1);
	for (i = 0; i < BTF_INFO_VLEN(t->info); i++, v++) {
		const struct btf_type *vt = pti_btf_type(b, v->type);

		if (!vt || BTF_INFO_KIND(vt->info) != BTF_KIND_VAR ||
		    !pti_btf_named(b, vt, var))
			continue;
		/* a variable must lie within its section, as the linker put it */
		if (v->offset > t->size || v->size > t->size - v->offset)
			return -ERANGE;
		*offset = v->offset;
		*size = v->size;
		return 0;
	}
	return -ENOENT;
}

bool pti_btf_has_enumerator(const struct pti_btf *b, const char *name)
{
	__u32 id, i;

	for (id = 1; id <= b->nr_types; id++) {
		const struct btf_type *t = pti_btf_type(b, id);
		const struct btf_enum *e;

		if (!t || BTF_INFO_KIND(t->info) != BTF_KIND_ENUM)
			continue;
		/* pti_btf_open() checked that the entries lie in the blob */
		e = (const struct btf_enum *)(t + 1);
		for (i = 0; i < BTF_INFO_VLEN(t->info); i++, e++) {
			const char *s = pti_btf_str(b, e->name_off);

			if (s && !strcmp(s, name))
				return true;
		}
	}
	return false;
}
