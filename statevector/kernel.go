package statevector

import (
	"fmt"
	"slices"
)

// MaxMatrixQubits is the largest number of qubits an explicit matrix may act
// on, the same bound the circuit package puts on explicit unitaries.
const MaxMatrixQubits = 10

// kernelKind selects the inner loop a compiled gate runs.
type kernelKind uint8

const (
	kindDense1 kernelKind = iota + 1 // 2×2 matrix on one target
	kindDense2                       // 4×4 matrix on two targets
	kindDenseK                       // 2^t × 2^t matrix on t ≥ 3 targets
	kindDiag                         // multiply selected amplitudes by phases
	kindPerm                         // exchange pairs of amplitudes
)

// maxNamedDiag bounds the diagonal entries and exchanged pairs a kernel
// holds inline: gates whose target has more basis states run densely.
const maxNamedDiag = 32

// kernel is one gate compiled for a register: which inner loop to run, where
// the gate's qubits sit, and the numbers the loop multiplies by. Every loop
// counts over the 2^(n−npos) settings of the qubits the gate does not touch;
// expand turns a count into the base index that has zeros at the gate's
// qubits, and cmask sets the controls to 1. A kernel holds its small data
// inline so that compiling a named gate allocates nothing.
type kernel struct {
	kind   kernelKind
	npos   int                      // qubits the gate touches, controls included
	lows   [MaxMatrixQubits]int     // (1<<p)−1 for those qubits' positions p, ascending
	cmask  int                      // bits of the control qubits
	isReal bool                     // dense1: the matrix is real (h, ry, cry), half the multiplications
	isRX   bool                     // dense1: real diagonal, imaginary off-diagonal (rx, crx), half too
	o1     int                      // dense1/dense2: bit of the first target
	o2     int                      // dense2: bit of the second target
	m      [16]complex128           // dense1 (4 used) and dense2 matrices, row-major
	nd     int                      // diag: entries ≠ 1; perm: pairs
	off    [maxNamedDiag]int        // diag: offsets of those entries; perm: first of each pair
	off2   [maxNamedDiag]int        // perm: second of each pair
	d      [maxNamedDiag]complex128 // diag: the entries
	big    []complex128             // denseK: the matrix
	tbuf   []complex128             // reused memory for the target matrix being compiled
	offs   []int                    // denseK: offset of each local basis state
}

// setQubits records the positions of every qubit the gate touches (controls
// first, then targets) and the control mask.
func (k *kernel) setQubits(qubits []int, controls int) {
	k.npos = len(qubits)
	sorted := k.lows[:len(qubits)]
	copy(sorted, qubits)
	slices.Sort(sorted)
	for i, p := range sorted {
		sorted[i] = 1<<p - 1
	}
	k.cmask = 0
	for _, q := range qubits[:controls] {
		k.cmask |= 1 << q
	}
}

// localOffset maps local basis state j of the targets (bit b of j is target
// b) to its offset in the register index.
func localOffset(j int, targets []int) int {
	off := 0
	for b, q := range targets {
		if j>>b&1 == 1 {
			off |= 1 << q
		}
	}
	return off
}

// setDense compiles a dense 2^t × 2^t matrix m on the targets, active when
// the controls already recorded by setQubits are 1. m is referenced, not
// copied, when t ≥ 3.
func (k *kernel) setDense(m []complex128, targets []int) {
	switch len(targets) {
	case 1:
		k.kind, k.o1 = kindDense1, 1<<targets[0]
		copy(k.m[:4], m)
		k.isReal = imag(m[0]) == 0 && imag(m[1]) == 0 && imag(m[2]) == 0 && imag(m[3]) == 0
		k.isRX = imag(m[0]) == 0 && real(m[1]) == 0 && real(m[2]) == 0 && imag(m[3]) == 0
	case 2:
		k.kind, k.o1, k.o2 = kindDense2, 1<<targets[0], 1<<targets[1]
		copy(k.m[:], m)
	default:
		k.kind, k.big = kindDenseK, m
		k.offs = slices.Grow(k.offs[:0], 1<<len(targets))[:1<<len(targets)]
		for j := range k.offs {
			k.offs[j] = localOffset(j, targets)
		}
	}
}

// setDiag compiles the diagonal target matrix m on the targets: only the
// entries that differ from 1 are kept, so cz and cp touch a quarter of the
// amplitudes and p and t half of them.
func (k *kernel) setDiag(m []complex128, targets []int) {
	k.kind, k.nd = kindDiag, 0
	dim := 1 << len(targets)
	if dim == 2 {
		k.m[0], k.m[3] = m[0], m[3] // the whole diagonal, for the qubit-0 loop
	}
	for j := 0; j < dim; j++ {
		if v := m[j*dim+j]; v != 1 {
			k.off[k.nd], k.d[k.nd] = k.cmask|localOffset(j, targets), v
			k.nd++
		}
	}
}

// setPerm compiles a permutation target matrix made of transpositions (x,
// swap and their controlled forms) into the pairs of amplitudes it exchanges.
// It reports false for permutations with longer cycles.
func (k *kernel) setPerm(m []complex128, targets []int) bool {
	k.kind, k.nd = kindPerm, 0
	dim := 1 << len(targets)
	image := func(col int) int {
		for r := 0; r < dim; r++ {
			if m[r*dim+col] != 0 {
				return r
			}
		}
		return -1
	}
	for j := 0; j < dim; j++ {
		r := image(j)
		if r < 0 || image(r) != j {
			return false
		}
		if r > j {
			k.off[k.nd] = k.cmask | localOffset(j, targets)
			k.off2[k.nd] = k.cmask | localOffset(r, targets)
			k.nd++
		}
	}
	return true
}

// checkQubits verifies that qubits are distinct and inside an n-qubit register.
func checkQubits(qubits []int, n int) error {
	for i, q := range qubits {
		if q < 0 || q >= n {
			return fmt.Errorf("qubit %d out of range [0, %d)", q, n)
		}
		if slices.Contains(qubits[:i], q) {
			return fmt.Errorf("qubit %d used twice", q)
		}
	}
	return nil
}

// SIMD reports whether gates run with the AVX-512 loops: the package was
// built with GOEXPERIMENT=simd on amd64 and the processor has AVX-512.
// Otherwise the portable loops run, with the same results to rounding.
func SIMD() bool { return simdEnabled }

// applyTo runs the kernel on the amplitudes of s, splitting the index
// range over goroutines on large states.
func (k *kernel) applyTo(s *State) {
	if s.single {
		applyFloats(k, floatView32(s.amp64))
		return
	}
	applyFloats(k, floatView(s.amp))
}

// applyFloats runs the kernel on the interleaved amplitudes a (real and
// imaginary parts of amplitude i at a[2i] and a[2i+1]), splitting the index
// range over goroutines on large states.
func applyFloats[F float](k *kernel, a []F) {
	if k.kind == kindDiag && k.nd == 0 { // the identity
		return
	}
	size := len(a) / 2
	total := size >> k.npos
	if p := workers(size, total); p > 1 && total%4 == 0 {
		// Pieces of whole groups of four bases keep the register-aligned
		// bases of the SIMD loops inside one piece.
		parallelFor(p, total/4, func(_, lo, hi int) { runKernel(k, a, 4*lo, 4*hi) })
		return
	}
	runKernel(k, a, 0, total)
}

// runKernel applies the kernel to the bases numbered [lo, hi) of the
// interleaved amplitudes a, with the SIMD loops where the build and the
// processor have them.
func runKernel[F float](k *kernel, a []F, lo, hi int) {
	if simdEnabled && runSIMD(k, a, lo, hi) {
		return
	}
	switch k.kind {
	case kindDense1:
		runDense1(k, a, lo, hi)
	case kindDense2:
		runDense2(k, a, lo, hi)
	case kindDenseK:
		runDenseK(k, a, lo, hi)
	case kindDiag:
		runDiag(k, a, lo, hi)
	case kindPerm:
		runPerm(k, a, lo, hi)
	}
}

// expand inserts a zero bit into i at each position whose low mask is in
// lows (ascending), giving the index of the base state of count i.
func expand(i int, lows []int) int {
	for _, l := range lows {
		i = i&l | (i&^l)<<1
	}
	return i
}
