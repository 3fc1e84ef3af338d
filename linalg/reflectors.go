package linalg

import "math/cmplx"

// Cache blocking for applying reflector sequences: a slab of reflectSlab
// columns (or a block of reflectRowBlock rows) of the target is swept by
// every reflector while it is in L2, instead of streaming the whole target
// through memory once per reflector.
const (
	reflectSlab     = 64
	reflectRowBlock = 32
)

// reflectors is a product H_0·H_1⋯H_{k−1} of Householder reflectors
// H_i = I − τ_i·v_i·v_i†, where v_i[0] = 1 and H_i acts on indices
// off+i … off+i+len(v_i)−1. QR and the left side of the bidiagonal reduction
// have off = 0; the right side of the bidiagonal reduction and the
// tridiagonal reduction have off = 1.
type reflectors struct {
	off int
	v   [][]complex128
	tau []complex128
}

// conjugates returns conj(v_i) for every reflector, as reflectRight needs.
func (h *reflectors) conjugates() [][]complex128 {
	vc := make([][]complex128, len(h.v))
	for i, v := range h.v {
		vc[i] = make([]complex128, len(v))
		for j, x := range v {
			vc[i][j] = cmplx.Conj(x)
		}
	}
	return vc
}

// wyBlocks returns the reflectors as consecutive compact-WY blocks of
// wyBlockSize (the last one shorter), carved from buf, which the caller
// returns to the pool (putComplex) when done with the blocks.
func (h *reflectors) wyBlocks() (blocks []*wyBlock, buf []complex128) {
	size := 0
	for i0 := 0; i0 < len(h.v); i0 += wyBlockSize {
		size += h.wySize(i0, min(i0+wyBlockSize, len(h.v)))
	}
	buf = getComplex(size)
	clear(buf)
	all := buf
	for i0 := 0; i0 < len(h.v); i0 += wyBlockSize {
		i1 := min(i0+wyBlockSize, len(h.v))
		blocks = append(blocks, h.wy(i0, i1, buf))
		buf = buf[h.wySize(i0, i1):]
	}
	return blocks, all
}

// work returns the number of multiply–adds of one application to a single
// vector, for the parallelism threshold.
func (h *reflectors) work() int {
	w := 0
	for _, v := range h.v {
		w += 2 * len(v)
	}
	return w
}

// leftMul sets x := H_0⋯H_{k−1}·x. When identityTop is set, x is [I; 0] on
// entry and off is 0, so H_i need only touch columns ≥ i (the economy of
// LAPACK's zung2r). Column slabs of x are independent and are shared among
// goroutines.
//
// Without identityTop, with at least wyBlockSize reflectors and wyMinRows
// columns they are applied in compact-WY blocks (wyBlock.leftMul), as in
// rightMulAdj. With identityTop the
// reflections one at a time, skipping the columns they do not reach, took
// 0.9× the time of compact-WY blocks that skip them (thin Q of 128×64 and
// 256×128, one run).
func (h *reflectors) leftMul(x *Matrix, identityTop bool) {
	p := x.Cols
	if !identityTop && len(h.v) >= wyBlockSize && x.Cols >= wyMinRows {
		blocks, buf := h.wyBlocks()
		defer putComplex(buf)
		parallelRows(p, p*h.work(), func(c0, c1 int) {
			work := getComplex(2 * (c1 - c0) * wyBlockSize)
			defer putComplex(work)
			for j := len(blocks) - 1; j >= 0; j-- {
				blocks[j].leftMul(x.Data[c0:], p, c1-c0, work)
			}
		})
		return
	}
	parallelRows(p, p*h.work(), func(c0, c1 int) {
		work := make([]complex128, reflectSlab)
		for s0 := c0; s0 < c1; s0 += reflectSlab {
			s1 := min(s0+reflectSlab, c1)
			for i := len(h.v) - 1; i >= 0; i-- {
				lo := s0
				if identityTop {
					lo = max(s0, i)
				}
				if lo < s1 {
					reflectLeft(x.Data[(h.off+i)*p+lo:], p, s1-lo, h.v[i], h.tau[i], work)
				}
			}
		}
	})
}

// rightMulAdj sets x := x·(H_0⋯H_{k−1})† = x·H_{k−1}†⋯H_0†. When
// identityLeft is set, x is [I 0] on entry and off is 0, so H_i need only
// touch rows ≥ i (row r = e_r is first reached by H_r). Rows of x are
// independent and are shared among goroutines.
//
// Without identityLeft, with at least wyBlockSize reflectors and at least
// wyMinRows rows, blocks of wyBlockSize reflectors are applied in
// compact-WY form (wyBlock), so that the work is matrix products on the
// register-tiled kernel instead of a dot product and an axpy per row and
// reflector. Forming a block costs about b/(2·rows) of applying it: in a
// TruncatedSVD it took 0.96× the time of the reflections one at a time at
// 256×256 (128 rows) and 1.03× at 128×128 (64 rows), one run.
func (h *reflectors) rightMulAdj(x *Matrix, identityLeft bool) {
	n := x.Cols
	if !identityLeft && len(h.v) >= wyBlockSize && x.Rows >= wyMinRows {
		blocks, buf := h.wyBlocks()
		defer putComplex(buf)
		parallelRows(x.Rows, x.Rows*h.work(), func(r0, r1 int) {
			work := getComplex(2 * (r1 - r0) * wyBlockSize)
			defer putComplex(work)
			for j := len(blocks) - 1; j >= 0; j-- {
				blocks[j].rightMulAdj(x.Data[r0*n:], n, r1-r0, work)
			}
		})
		return
	}
	vc := h.conjugates()
	parallelRows(x.Rows, x.Rows*h.work(), func(r0, r1 int) {
		for b0 := r0; b0 < r1; b0 += reflectRowBlock {
			b1 := min(b0+reflectRowBlock, r1)
			for i := len(h.v) - 1; i >= 0; i-- {
				lo := b0
				if identityLeft {
					lo = max(b0, i)
				}
				if lo < b1 {
					reflectRight(x.Data[lo*n+h.off+i:], n, b1-lo, h.v[i], vc[i], cmplx.Conj(h.tau[i]))
				}
			}
		}
	})
}
