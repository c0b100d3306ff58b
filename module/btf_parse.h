/* SPDX-License-Identifier: GPL-2.0 */
/*
 * btf_parse.h - a small, bounds-checked reader of a raw BTF blob
 * (/sys/kernel/btf/vmlinux), enough to find struct members and per-CPU
 * variables by name.  Built into the module and, unchanged, into a host
 * unit test that checks it against libbpf's reading of the same blob.
 */
#ifndef PTI_BTF_PARSE_H
#define PTI_BTF_PARSE_H

#ifdef __KERNEL__
#include <linux/types.h>
#include <uapi/linux/btf.h>
#else
#include <stdbool.h>
#include <stddef.h>
#include <linux/types.h>
#include <linux/btf.h>
#endif

struct pti_btf {
	const unsigned char *types;	/* the type section */
	__u32 types_len;
	const char *strs;		/* the string section */
	__u32 strs_len;
	__u32 nr_types;			/* ids 1..nr_types; 0 is void */
	__u32 *index;			/* index[id - 1]: offset in types */
};

/* A struct member found by name: where it is and what it is. */
struct pti_btf_member {
	__u32 offset;		/* bytes from the start of the struct */
	__u32 size;		/* bytes, typedefs and qualifiers resolved */
	__u32 type;		/* the member's type id, unresolved */
	__u32 kind;		/* BTF_KIND_* of the resolved type */
};

/*
 * Check the header and every type's extent; count the types.  Returns 0 or
 * -EINVAL.  @data must stay valid while @b is used.
 */
int pti_btf_open(struct pti_btf *b, const void *data, size_t size);
/* Fill @index (b->nr_types entries) and attach it to @b. */
void pti_btf_index(struct pti_btf *b, __u32 *index);

/* The name at string offset @off, or NULL if it is out of bounds. */
const char *pti_btf_str(const struct pti_btf *b, __u32 off);
const struct btf_type *pti_btf_type(const struct pti_btf *b, __u32 id);
/* The one type of @kind named @name: its id, -ENOENT, or -ENOTUNIQ. */
int pti_btf_find(const struct pti_btf *b, unsigned int kind, const char *name);
/* Skip typedefs and qualifiers; 0 (void) if the chain is too long. */
__u32 pti_btf_resolve(const struct pti_btf *b, __u32 id);
/* Size in bytes of type @id, or 0 if it has none. */
__u32 pti_btf_size(const struct pti_btf *b, __u32 id);
/*
 * Member @name of struct or union @id, looking into anonymous members.
 * -ENOENT if absent, -EINVAL for a bitfield (no byte offset).
 */
int pti_btf_member(const struct pti_btf *b, __u32 id, const char *name,
		   struct pti_btf_member *out);
/*
 * Offset and size of variable @var in data section @sec (e.g.
 * ".data..percpu"); -ERANGE if the BTF places it outside the section.
 */
int pti_btf_var_offset(const struct pti_btf *b, const char *sec,
		       const char *var, __u32 *offset, __u32 *size);

/* Whether an enum of @b (32-bit, kind ENUM) has an enumerator @name. */
bool pti_btf_has_enumerator(const struct pti_btf *b, const char *name);

#endif
