// SPDX-License-Identifier: GPL-2.0
/*
 * page_walk.c - a process's page tables, one leaf entry at a time.
 *
 * walk_page_range() is not exported (6.1, 6.12), follow_pte() only on
 * 6.1, __pte_offset_map() not on 6.12: the walk goes down the levels with
 * the inline accessors every release has.  The caller holds the mmap read
 * lock, under which no table above the PTE level is freed.  A PTE table
 * may be (khugepaged's collapse since 6.6, empty-table reclaim since
 * 6.14), but only after an RCU grace period and with its PMD cleared
 * under the table's lock: so each PTE table is read inside an RCU section
 * with its lock held, after checking that its PMD still points at it.
 * Nothing is written and nothing is faulted in.
 */
#include <linux/mm.h>
#include <linux/mmzone.h>
#include <linux/pgtable.h>
#include <linux/rcupdate.h>
#include <linux/sched.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include "compat.h"
#include "ptinspect.h"

/* Tries at one PTE table whose PMD keeps changing before it is skipped. */
#define PTI_PTE_TABLE_TRIES	3

PTI_WORD_TABLE(pti_level_words, PTI_LEVEL_WORDS, PTI_NR_LEVELS);
PTI_WORD_TABLE(pti_state_words, PTI_STATE_WORDS, PTI_NR_STATES);
PTI_WORD_TABLE(pti_result_words, PTI_RESULT_WORDS, PTI_NR_RESULTS);
PTI_WORD_TABLE(pti_kind_words, PTI_KIND_WORDS, PTI_NR_KINDS);

static void pti_page_set_kind(struct pti_page *rec, enum pti_page_kind kind)
{
	strscpy(rec->kind, pti_kind_words[kind], sizeof(rec->kind));
}

static void pti_page_set_state(struct pti_page *rec,
			       enum pti_page_state state)
{
	strscpy(rec->state, pti_state_words[state], sizeof(rec->state));
}

static void pti_page_set(struct pti_page *rec, unsigned long addr,
			 unsigned long size, enum pti_pt_level level)
{
	memset(rec, 0, sizeof(*rec));
	rec->addr = addr;
	rec->size = size;
	rec->mapcount = -1;
	strscpy(rec->level, pti_level_words[level], sizeof(rec->level));
	strscpy(rec->kind, "-", sizeof(rec->kind));
}

/*
 * What the frame @pfn of a present entry holds.  The struct page is only
 * read, and only where the entry maps normal memory as vm_normal_page()
 * (not exported) defines it: not in a pfnmap/mixedmap VMA, not special.
 * Under the PTE lock the page stays mapped; a huge entry's page is read
 * without it, which gives values as racy as /proc/kpageflags'.
 */
static void pti_page_describe(struct pti_page *rec, struct vm_area_struct *vma,
			      unsigned long pfn, bool special)
{
	struct folio *folio;
	struct page *page;

	if (vma->vm_flags & (VM_PFNMAP | VM_MIXEDMAP)) {
		pti_page_set_kind(rec, PTI_KIND_PFNMAP);
		return;
	}
	if (is_zero_pfn(pfn)) {
		pti_page_set_kind(rec, PTI_KIND_ZERO);
		return;
	}
	if (special || !pfn_valid(pfn)) {
		pti_page_set_kind(rec, PTI_KIND_SPECIAL);
		return;
	}
	page = pfn_to_page(pfn);
	folio = page_folio(page);
	if (folio_test_ksm(folio))
		pti_page_set_kind(rec, PTI_KIND_KSM);
	else if (folio_test_anon(folio))
		pti_page_set_kind(rec, PTI_KIND_ANON);
	else if (READ_ONCE(folio->mapping))
		pti_page_set_kind(rec, PTI_KIND_FILE);
	else
		pti_page_set_kind(rec, PTI_KIND_OTHER);
	rec->thp = folio_test_large(folio);
	rec->mapcount = pti_page_mapcount(folio, page);
	rec->anon_exclusive = folio_test_anon(folio) && !folio_test_ksm(folio) &&
			      PageAnonExclusive(page);
}

static void pti_page_pte(struct pti_page *rec, struct vm_area_struct *vma,
			 unsigned long addr, pte_t pte, bool show_pfn)
{
	pti_page_set(rec, addr, PAGE_SIZE, PTI_LEVEL_PTE);
	if (!pte_present(pte)) {
		pti_page_set_state(rec, pti_swap_decode(pte, rec));
		rec->soft_dirty = !!pte_swp_soft_dirty(pte);
		if (!show_pfn)
			rec->swap_offset = 0;
		return;
	}
	pti_page_set_state(rec, PTI_STATE_PRESENT);
	rec->pfn = show_pfn ? pte_pfn(pte) : 0;
	rec->write = !!pte_write(pte);
	rec->dirty = !!pte_dirty(pte);
	rec->young = !!pte_young(pte);
	rec->soft_dirty = !!pte_soft_dirty(pte);
	pti_page_describe(rec, vma, pte_pfn(pte), pte_special(pte));
}

static void pti_page_pmd(struct pti_page *rec, struct vm_area_struct *vma,
			 unsigned long addr, pmd_t pmd, bool show_pfn)
{
	pti_page_set(rec, addr & PMD_MASK, PMD_SIZE, PTI_LEVEL_PMD);
	if (!pmd_present(pmd)) {
		/* a huge page being migrated (or a hugetlb swap entry) */
		pti_page_set_state(rec, PTI_STATE_MIGRATION);
		return;
	}
	pti_page_set_state(rec, PTI_STATE_PRESENT);
	rec->pfn = show_pfn ? pmd_pfn(pmd) : 0;
	rec->write = !!pmd_write(pmd);
	rec->dirty = !!pmd_dirty(pmd);
	rec->young = !!pmd_young(pmd);
	rec->soft_dirty = !!pmd_soft_dirty(pmd);
	pti_page_describe(rec, vma, pmd_pfn(pmd), false);
}

static void pti_page_pud(struct pti_page *rec, struct vm_area_struct *vma,
			 unsigned long addr, pud_t pud, bool show_pfn)
{
	pti_page_set(rec, addr & PUD_MASK, PUD_SIZE, PTI_LEVEL_PUD);
	pti_page_set_state(rec, PTI_STATE_PRESENT);
	rec->pfn = show_pfn ? pud_pfn(pud) : 0;
	rec->write = !!pud_write(pud);
	rec->dirty = !!pud_dirty(pud);
	rec->young = !!pud_young(pud);
	pti_page_describe(rec, vma, pud_pfn(pud), false);
}

/*
 * The first used entry of the PTE table @pmd points at, for [@addr, @end)
 * (within that table).  Return: 1 and @rec filled, 0 if none, -EAGAIN if
 * the PMD changed under the walk.  @raw: out, the entry itself.
 */
static int pti_pte_find(struct mm_struct *mm, struct vm_area_struct *vma,
			pmd_t *pmd, pmd_t pmdval, unsigned long addr,
			unsigned long end, struct pti_page *rec, pte_t *raw,
			bool show_pfn)
{
	spinlock_t *ptl;
	pte_t *pte;
	int found = 0;

	rcu_read_lock();
	if (!pmd_same(pmdval, READ_ONCE(*pmd))) {
		rcu_read_unlock();
		return -EAGAIN;
	}
	ptl = pte_lockptr(mm, &pmdval);
	spin_lock(ptl);
	if (!pmd_same(pmdval, READ_ONCE(*pmd))) {
		spin_unlock(ptl);
		rcu_read_unlock();
		return -EAGAIN;
	}
	pte = (pte_t *)pmd_page_vaddr(pmdval) + pte_index(addr);
	for (; addr < end; addr += PAGE_SIZE, pte++) {
		pte_t entry = ptep_get(pte);

		if (pte_none(entry))
			continue;
		pti_page_pte(rec, vma, addr, entry, show_pfn);
		*raw = entry;
		found = 1;
		break;
	}
	spin_unlock(ptl);
	rcu_read_unlock();
	return found;
}

/**
 * pti_page_find() - the first page-table leaf mapping an address in a range
 * @vma: the VMA the range lies in, its mm's mmap read lock held
 * @addr: where to start
 * @end: where to stop (exclusive), at most @vma's end
 * @rec: out: the leaf (a huge one starts at or before @addr)
 * @show_pfn: fill frame numbers and swap offsets (else 0)
 *
 * Sleeps (cond_resched) between tables; holds a PTE table's lock for at
 * most one table's entries.
 *
 * Return: true with @rec filled, false if no entry in the range is used.
 */
bool pti_page_find(struct vm_area_struct *vma, unsigned long addr,
		   unsigned long end, struct pti_page *rec, bool show_pfn)
{
	struct mm_struct *mm = vma->vm_mm;
	int tries = 0;

	while (addr < end) {
		unsigned long next;
		pgd_t *pgd;
		p4d_t *p4d;
		pud_t *pud, pudval;
		pmd_t *pmd, pmdval;
		pte_t raw;
		int got;

		cond_resched();
		pgd = pgd_offset(mm, addr);
		next = pgd_addr_end(addr, end);
		if (pgd_none(READ_ONCE(*pgd)) || pgd_bad(READ_ONCE(*pgd)))
			goto skip;
		p4d = p4d_offset(pgd, addr);
		next = p4d_addr_end(addr, end);
		if (p4d_none(READ_ONCE(*p4d)) || p4d_bad(READ_ONCE(*p4d)))
			goto skip;
		pud = pud_offset(p4d, addr);
		pudval = READ_ONCE(*pud);
		next = pud_addr_end(addr, end);
		if (pud_none(pudval))
			goto skip;
		if (pud_leaf(pudval)) {
			pti_page_pud(rec, vma, addr, pudval, show_pfn);
			return true;
		}
		if (pud_bad(pudval))
			goto skip;
		pmd = pmd_offset(pud, addr);
		pmdval = READ_ONCE(*pmd);
		next = pmd_addr_end(addr, end);
		if (pmd_none(pmdval))
			goto skip;
		if (!pmd_present(pmdval) || pmd_leaf(pmdval)) {
			pti_page_pmd(rec, vma, addr, pmdval, show_pfn);
			return true;
		}
		if (pmd_bad(pmdval))
			goto skip;
		got = pti_pte_find(mm, vma, pmd, pmdval, addr, next, rec, &raw,
				   show_pfn);
		if (got > 0)
			return true;
		if (got == -EAGAIN && ++tries < PTI_PTE_TABLE_TRIES)
			continue;	/* the same address, read again */
skip:
		tries = 0;
		addr = next;
	}
	return false;
}

/* Where a walk's row ends; a row the walk goes on from says "table". */
static void pti_walk_end(struct pti_walk_step *s,
			 enum pti_walk_result result)
{
	strscpy(s->result, pti_result_words[result], sizeof(s->result));
}

/* One row of a walk: the entry at one level and what its bits say. */
static void pti_walk_set(struct pti_walk_step *s, enum pti_pt_level level,
			 unsigned int shift, unsigned int index, u64 val,
			 u64 flags, unsigned long pfn, bool table_level,
			 bool show_raw)
{
	memset(s, 0, sizeof(*s));
	strscpy(s->level, pti_level_words[level], sizeof(s->level));
	s->shift = shift;
	s->index = index;
	s->entry = show_raw ? val : 0;
	s->present = !!(flags & _PAGE_PRESENT);
	s->write = !!(flags & _PAGE_RW);
	s->user = !!(flags & _PAGE_USER);
	s->accessed = !!(flags & _PAGE_ACCESSED);
	s->dirty = !!(flags & _PAGE_DIRTY);
	/* in a PTE the PSE position is the PAT bit */
	s->huge = table_level && (flags & _PAGE_PSE);
	s->nx = !!(flags & _PAGE_NX);
	s->pfn = show_raw ? pfn : 0;
	pti_walk_end(s, PTI_RESULT_TABLE);
}

/*
 * Ends the walk at the table entry @s when it is empty, maps a huge page
 * or is corrupt, checked in that order; whether it did.
 */
static bool pti_walk_stops_at(struct pti_walk_step *s, bool none, bool leaf,
			      bool bad)
{
	if (none)
		pti_walk_end(s, PTI_RESULT_NONE);
	else if (leaf)
		pti_walk_end(s, PTI_RESULT_HUGE);
	else if (bad)
		pti_walk_end(s, PTI_RESULT_BAD);
	return none || leaf || bad;
}

/* A walk that ends at a PTE which is not present: its state says how. */
static void pti_walk_end_state(struct pti_walk_step *s, const char *state)
{
	strscpy(s->result, state, sizeof(s->result));
}

/**
 * pti_page_walk() - the walk from a process's page-table root to one address
 * @vma: the VMA holding the address, its mm's mmap read lock held
 * @addr: the address
 * @steps: out: one row per level visited, at most PTI_WALK_MAX_STEPS
 * @show_raw: fill raw entries and frame numbers (else 0)
 *
 * Levels as this boot has them: on 4-level paging the p4d level is folded
 * into the pgd and gets no row.  The walk ends at an empty entry, a huge
 * entry, a non-present one or the PTE.
 *
 * Return: the number of rows.
 */
int pti_page_walk(struct vm_area_struct *vma, unsigned long addr,
		  struct pti_walk_step *steps, bool show_raw)
{
	struct mm_struct *mm = vma->vm_mm;
	struct pti_walk_step *s = steps;
	pgd_t *pgd = pgd_offset(mm, addr);
	p4d_t *p4d, p4dval;
	pud_t *pud, pudval;
	pmd_t *pmd, pmdval;
	struct pti_page rec;
	pte_t pte;
	int tries = 0, got;

	if (pgtable_l5_enabled()) {
		pgd_t pgdval = READ_ONCE(*pgd);

		pti_walk_set(s, PTI_LEVEL_PGD, PGDIR_SHIFT, pgd_index(addr),
			     pgd_val(pgdval), pgd_flags(pgdval), pgd_pfn(pgdval),
			     true, show_raw);
		if (pti_walk_stops_at(s, pgd_none(pgdval), false,
				      pgd_bad(pgdval)))
			return 1;
		s++;
	}
	/*
	 * On 4-level paging the p4d is folded into the top table, the pgd:
	 * its entry is read through the p4d accessors (the pgd ones are
	 * no-ops then), at the pgd's index and shift (p4d_index() is 0).
	 */
	p4d = p4d_offset(pgd, addr);
	p4dval = READ_ONCE(*p4d);
	if (pgtable_l5_enabled())
		pti_walk_set(s, PTI_LEVEL_P4D, P4D_SHIFT, p4d_index(addr),
			     p4d_val(p4dval), p4d_flags(p4dval), p4d_pfn(p4dval),
			     true, show_raw);
	else
		pti_walk_set(s, PTI_LEVEL_PGD, PGDIR_SHIFT, pgd_index(addr),
			     p4d_val(p4dval), p4d_flags(p4dval), p4d_pfn(p4dval),
			     true, show_raw);
	if (pti_walk_stops_at(s, p4d_none(p4dval), false, p4d_bad(p4dval)))
		return s - steps + 1;
	s++;
	pud = pud_offset(p4d, addr);
	pudval = READ_ONCE(*pud);
	pti_walk_set(s, PTI_LEVEL_PUD, PUD_SHIFT, pud_index(addr),
		     pud_val(pudval), pud_flags(pudval), pud_pfn(pudval), true,
		     show_raw);
	if (pti_walk_stops_at(s, pud_none(pudval), pud_leaf(pudval),
			      pud_bad(pudval)))
		return s - steps + 1;
	s++;
	pmd = pmd_offset(pud, addr);
again:
	pmdval = READ_ONCE(*pmd);
	pti_walk_set(s, PTI_LEVEL_PMD, PMD_SHIFT, pmd_index(addr),
		     pmd_val(pmdval), pmd_flags(pmdval), pmd_pfn(pmdval), true,
		     show_raw);
	if (!pmd_none(pmdval) && !pmd_present(pmdval)) {
		pti_walk_end_state(s, pti_state_words[PTI_STATE_MIGRATION]);
		return s - steps + 1;
	}
	if (pti_walk_stops_at(s, pmd_none(pmdval), pmd_leaf(pmdval),
			      pmd_bad(pmdval)))
		return s - steps + 1;
	got = pti_pte_find(mm, vma, pmd, pmdval, addr, addr + PAGE_SIZE, &rec,
			   &pte, show_raw);
	if (got == -EAGAIN && ++tries < PTI_PTE_TABLE_TRIES)
		goto again;
	s++;
	if (got <= 0) {
		pti_walk_set(s, PTI_LEVEL_PTE, PAGE_SHIFT, pte_index(addr), 0,
			     0, 0, false, show_raw);
		pti_walk_end(s, got == 0 ?
			     PTI_RESULT_NONE : PTI_RESULT_CHANGED);
		return s - steps + 1;
	}
	pti_walk_set(s, PTI_LEVEL_PTE, PAGE_SHIFT, pte_index(addr),
		     pte_val(pte), pte_flags(pte),
		     pte_present(pte) ? pte_pfn(pte) : 0, false, show_raw);
	if (pte_present(pte))
		pti_walk_end(s, PTI_RESULT_PAGE);
	else
		pti_walk_end_state(s, rec.state);
	return s - steps + 1;
}
