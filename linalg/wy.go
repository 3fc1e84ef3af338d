package linalg

// wyBlockSize is the number of reflectors merged into one compact-WY
// block (LAPACK's nb for zunmbr).
const wyBlockSize = 32

// wyMinRows is the number of rows (or columns) of the target from which
// reflector sequences are applied in compact-WY blocks rather than one
// reflection at a time: forming a block costs about wyBlockSize/(2·rows)
// of applying it (see reflectors.rightMulAdj).
const wyMinRows = 4 * wyBlockSize

// wyBlock is the compact-WY form H_{i0}⋯H_{i1−1} = I − V·T·V† of b = i1−i0
// consecutive reflectors (Schreiber & Van Loan 1989; LAPACK zlarft with
// direct = 'F', storev = 'C'): V is the L×b unit lower-trapezoidal matrix
// whose column c is v_{i0+c} starting at row c, T is b×b upper triangular.
// The block acts on indices row0 … row0+L−1. vh holds V† (b×L), tm holds
// −T and tmh −T† (b×b), the forms in which applying the block needs them,
// all row-major.
type wyBlock struct {
	row0, l, b     int
	v, vh, tm, tmh []complex128
}

// wy returns the compact-WY form of reflectors [i0, i1), which must each
// reach the last index (len(v_i) = len(v_{i0}) − (i − i0)), as those of
// QR and of the bidiagonal and tridiagonal reductions do. The block's
// storage is carved from buf, which must hold wySize(i0, i1) zeroed
// elements.
func (h *reflectors) wy(i0, i1 int, buf []complex128) *wyBlock {
	b, l := i1-i0, len(h.v[i0])
	w := &wyBlock{row0: h.off + i0, l: l, b: b,
		v: buf[:l*b], vh: buf[l*b : 2*l*b], tm: buf[2*l*b : 2*l*b+b*b], tmh: buf[2*l*b+b*b : 2*l*b+2*b*b]}
	g, t := buf[2*l*b+2*b*b:2*l*b+3*b*b], w.tm
	for c := range b {
		for r, x := range h.v[i0+c] {
			w.v[(c+r)*b+c] = x
			w.vh[c*l+c+r] = conj(x)
		}
	}
	// G = V†·V; column i of T is −τ_i·T[:i, :i]·G[:i, i] (zlarft).
	gemmAcc(b, b, l, w.vh, l, w.v, b, g, b)
	for i := range b {
		tau := h.tau[i0+i]
		t[i*b+i] = tau
		for j := range i {
			var z complex128
			for p := j; p < i; p++ {
				z += t[j*b+p] * g[p*b+i]
			}
			t[j*b+i] = -tau * z
		}
	}
	for i := range b {
		for j := range b {
			w.tmh[i*b+j] = -conj(t[j*b+i])
		}
	}
	for i := range t {
		t[i] = -t[i]
	}
	return w
}

// wySize is the storage wy needs for reflectors [i0, i1).
func (h *reflectors) wySize(i0, i1 int) int {
	b := i1 - i0
	return 2*len(h.v[i0])*b + 3*b*b
}

// rightMulAdj sets the rows×L block X at columns row0… of a row-major
// array x (row stride ld) to X·(I − V·T·V†)† = X − (X·V)·T†·V†, as three
// matrix products. work must hold 2·rows·b elements.
func (w *wyBlock) rightMulAdj(x []complex128, ld, rows int, work []complex128) {
	xs := x[w.row0:]
	xv, xvt := work[:rows*w.b], work[rows*w.b:2*rows*w.b]
	clear(xv)
	clear(xvt)
	gemmAcc(rows, w.b, w.l, xs, ld, w.v, w.b, xv, w.b)
	gemmAcc(rows, w.b, w.b, xv, w.b, w.tmh, w.b, xvt, w.b)
	gemmAcc(rows, w.l, w.b, xvt, w.b, w.vh, w.l, xs, ld)
}

// leftMul sets the L×cols block X at rows row0… of a row-major array x
// (row stride ld) to (I − V·T·V†)·X = X − V·(T·(V†·X)), as three matrix
// products. work must hold 2·b·cols elements.
func (w *wyBlock) leftMul(x []complex128, ld, cols int, work []complex128) {
	xs := x[w.row0*ld:]
	vx, tvx := work[:w.b*cols], work[w.b*cols:2*w.b*cols]
	clear(vx)
	clear(tvx)
	gemmAcc(w.b, cols, w.l, w.vh, w.l, xs, ld, vx, cols)
	gemmAcc(w.b, cols, w.b, w.tm, w.b, vx, cols, tvx, cols)
	gemmAcc(w.l, cols, w.b, w.v, w.b, tvx, cols, xs, ld)
}

// conj is cmplx.Conj, which the compiler does not always inline.
func conj(x complex128) complex128 { return complex(real(x), -imag(x)) }
