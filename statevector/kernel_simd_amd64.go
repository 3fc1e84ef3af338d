//go:build goexperiment.simd && amd64

package statevector

import (
	"math/bits"
	"simd/archsimd"
)

// SIMD kernels, built with GOEXPERIMENT=simd on amd64 and used when the
// processor has AVX-512 (F, CD, BW, DQ, VL): a 512-bit register holds four
// complex128 or eight complex64 amplitudes, interleaved as in memory.
//
// A complex product x·c of a register of amplitudes by coefficients is two
// fused multiply-adds, x⊙Re(c) + swap(x)⊙(−Im c, +Im c), where swap
// exchanges the real and imaginary part of each amplitude: so a dense
// k-qubit gate costs 2^(k+1) FMAs per register per output and no shuffles
// beyond one swap per input. Gates on qubits at or above the register's
// width (2 for complex128, 3 for complex64) act between whole registers
// with the same coefficient in every lane; gates on the low qubits act
// inside a register with per-lane coefficients and lane permutations.
// Permutations only move registers, or rebuild one from at most two with
// a lane permutation. Anything else (dense gates with more than one target
// or a control among the low qubits, permutations that gather a register
// from more than two) runs the portable loop.
//
// kernel_simd64_amd64.go holds the complex128 loops; the complex64 ones in
// kernel_simd32_amd64.go are generated from it (go generate).

//go:generate go run gen_simd32.go

// simdEnabled reports whether the processor runs the AVX-512 kernels.
var simdEnabled = archsimd.X86.AVX512()

// runSIMD applies k to the bases [lo, hi) of a with vector loops and
// reports whether it could.
func runSIMD[F float](k *kernel, a []F, lo, hi int) bool {
	switch a := any(a).(type) {
	case []float64:
		return simd64(k, a, lo, hi)
	case []float32:
		return simd32(k, a, lo, hi)
	}
	return false
}

// runPairSIMD applies k and then k2 to the whole of a in one sweep, when
// both are one-target gates without controls on distinct qubits above a
// register, with real or rx-like matrices (dense1Pair64), and reports
// whether it did.
func runPairSIMD[F float](k, k2 *kernel, a []F) bool {
	switch a := any(a).(type) {
	case []float64:
		if pairable(k, k2, vb64) {
			dense1Pair64(k, k2, a)
			return true
		}
	case []float32:
		if pairable(k, k2, vb32) {
			dense1Pair32(k, k2, a)
			return true
		}
	}
	return false
}

// pairable reports whether dense1Pair can apply k and k2 for registers of
// 2^vb amplitudes.
func pairable(k, k2 *kernel, vb int) bool {
	one := func(k *kernel) bool {
		return k.kind == kindDense1 && k.cmask == 0 && (k.isReal || k.isRX) && k.o1 >= 1<<vb
	}
	return one(k) && one(k2) && k.o1 != k2.o1
}

// vecLayout describes how a kernel's bases group into registers of 2^vb
// amplitudes: the loops count register-aligned bases (qubits 0…vb−1 and
// the gate's higher qubits zero), expanding a count with the gate's
// higher qubits in register units.
type vecLayout struct {
	lows   [MaxMatrixQubits]int // expand masks of the gate's qubits ≥ vb, in register units
	nOut   int
	outPos [MaxMatrixQubits]int // those qubits
	shift  int                  // a register base covers 2^shift kernel bases
	cmOut  int                  // control bits ≥ vb (0 for diagonal kernels, whose entries hold them)
	inMask int                  // the gate's qubits < vb, as bits
	cIn    int                  // control bits < vb
}

// newLayout returns the layout of k for registers of 2^vb amplitudes in a
// state of size amplitudes, and whether every base has a register of its
// own (the state is large enough).
func newLayout(k *kernel, vb, size int) (l vecLayout, ok bool) {
	for _, m := range k.lows[:k.npos] {
		p := bits.OnesCount(uint(m))
		if p < vb {
			l.inMask |= 1 << p
			continue
		}
		l.outPos[l.nOut] = p
		l.lows[l.nOut] = 1<<(p-vb) - 1
		l.nOut++
	}
	if k.kind != kindDiag {
		l.cIn = k.cmask & l.inMask
		l.cmOut = k.cmask &^ l.inMask
	}
	l.shift = vb - bits.OnesCount(uint(l.inMask))
	return l, vb+l.nOut <= bits.Len(uint(size))-1
}

// runMask returns the register counts per contiguous run minus one: the
// counts below the gate's lowest higher qubit are consecutive in memory.
// Loops take runs [i, min(hi, i|runMask+1)) and place each with
// expand(i, outLows) shifted to amplitudes, control bits set.
func (l *vecLayout) runMask() int {
	if l.nOut == 0 {
		return 1<<62 - 1
	}
	return l.lows[0]
}

// outOffset deposits the bits of y at the layout's higher gate qubits.
func (l *vecLayout) outOffset(y int) int {
	off := 0
	for j, p := range l.outPos[:l.nOut] {
		off |= (y >> j & 1) << p
	}
	return off
}

// diagValue returns the entry of diagonal kernel k at the local pattern x
// (bits at the gate's qubits): an entry it holds, or 1.
func diagValue(k *kernel, x int) complex128 {
	for j, o := range k.off[:k.nd] {
		if o == x {
			return k.d[j]
		}
	}
	return 1
}

// mrow is four complex matrix entries, real and imaginary parts
// interleaved: the matrices stay in double precision whatever the state's.
type mrow = [8]float64

// maxLanes is the most amplitudes a register holds (complex64).
const maxLanes = 8

// permMove, permLanes and permTwo say how perm64 rebuilds a register:
// copied from another, its lanes permuted, or gathered from two.
const (
	permMove = iota
	permLanes
	permTwo
)
