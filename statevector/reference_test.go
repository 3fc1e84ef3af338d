package statevector

import (
	"math"
	"math/cmplx"

	"github.com/itsubaki/q"
	"github.com/itsubaki/q/math/matrix"
	"github.com/itsubaki/q/quantum/gate"
)

// This file is the independent reference the kernels are checked against:
// textbook gate matrices (Nielsen & Chuang; the Qiskit circuit library for
// sx, iswap, rxx, ryy, rzz, cu) applied with github.com/itsubaki/q.
//
// itsubaki/q numbers its qubits from the most significant bit. Our qubit k
// is therefore its qubit n−1−k, and with that renaming a basis index means
// the same thing in both simulators: amplitudes compare index by index.

// textbook describes how the reference applies one named gate.
type textbook struct {
	controls int            // leading control qubits
	u        *matrix.Matrix // 2×2 target matrix, applied with q.G or q.Controlled
	swap     bool           // swap of the two qubits, applied with q.Swap
	fredkin  bool           // cswap as three Toffolis: CCX(c,b,a)·CCX(c,a,b)·CCX(c,b,a)
	local    []complex128   // 4×4 matrix (first qubit least significant), embedded in a full-register matrix
}

func mat2(a, b, c, d complex128) *matrix.Matrix {
	return matrix.New([]complex128{a, b}, []complex128{c, d})
}

// sxMatrix is √X = ½[[1+i, 1−i], [1−i, 1+i]].
func sxMatrix() *matrix.Matrix { return mat2((1+1i)/2, (1-1i)/2, (1-1i)/2, (1+1i)/2) }

// textbookGate returns the reference description of gate name at angles p.
func textbookGate(name string, p []float64) textbook {
	c, s := complex(math.Cos(p0(p)/2), 0), complex(math.Sin(p0(p)/2), 0)
	switch name {
	case "id":
		return textbook{u: gate.I()}
	case "x":
		return textbook{u: gate.X()}
	case "y":
		return textbook{u: gate.Y()}
	case "z":
		return textbook{u: gate.Z()}
	case "h":
		return textbook{u: gate.H()}
	case "s":
		return textbook{u: gate.S()}
	case "sdg":
		return textbook{u: gate.S().Dagger()}
	case "t":
		return textbook{u: gate.T()}
	case "tdg":
		return textbook{u: gate.T().Dagger()}
	case "sx":
		return textbook{u: sxMatrix()}
	case "sxdg":
		return textbook{u: sxMatrix().Dagger()}
	case "rx":
		return textbook{u: gate.RX(p[0])}
	case "ry":
		return textbook{u: gate.RY(p[0])}
	case "rz":
		return textbook{u: gate.RZ(p[0])}
	case "p", "u1":
		return textbook{u: gate.R(p[0])}
	case "u2":
		return textbook{u: gate.U(math.Pi/2, p[0], p[1])}
	case "u3", "u":
		return textbook{u: gate.U(p[0], p[1], p[2])}
	case "cx":
		return textbook{controls: 1, u: gate.X()}
	case "cy":
		return textbook{controls: 1, u: gate.Y()}
	case "cz":
		return textbook{controls: 1, u: gate.Z()}
	case "ch":
		return textbook{controls: 1, u: gate.H()}
	case "csx":
		return textbook{controls: 1, u: sxMatrix()}
	case "crx":
		return textbook{controls: 1, u: gate.RX(p[0])}
	case "cry":
		return textbook{controls: 1, u: gate.RY(p[0])}
	case "crz":
		return textbook{controls: 1, u: gate.RZ(p[0])}
	case "cp", "cu1":
		return textbook{controls: 1, u: gate.R(p[0])}
	case "cu3":
		return textbook{controls: 1, u: gate.U(p[0], p[1], p[2])}
	case "cu":
		return textbook{controls: 1, u: gate.U(p[0], p[1], p[2]).Mul(cmplx.Exp(complex(0, p[3])))}
	case "swap":
		return textbook{swap: true}
	case "iswap":
		return textbook{local: []complex128{1, 0, 0, 0, 0, 0, 1i, 0, 0, 1i, 0, 0, 0, 0, 0, 1}}
	case "rxx":
		return textbook{local: []complex128{c, 0, 0, -1i * s, 0, c, -1i * s, 0, 0, -1i * s, c, 0, -1i * s, 0, 0, c}}
	case "ryy":
		return textbook{local: []complex128{c, 0, 0, 1i * s, 0, c, -1i * s, 0, 0, -1i * s, c, 0, 1i * s, 0, 0, c}}
	case "rzz":
		e, f := cmplx.Exp(complex(0, -p[0]/2)), cmplx.Exp(complex(0, p[0]/2))
		return textbook{local: []complex128{e, 0, 0, 0, 0, f, 0, 0, 0, 0, f, 0, 0, 0, 0, e}}
	case "ccx":
		return textbook{controls: 2, u: gate.X()}
	case "cswap":
		return textbook{fredkin: true}
	case "c3x":
		return textbook{controls: 3, u: gate.X()}
	case "c3sqrtx":
		return textbook{controls: 3, u: sxMatrix()}
	case "c4x":
		return textbook{controls: 4, u: gate.X()}
	}
	panic("no textbook entry for gate " + name)
}

func p0(p []float64) float64 {
	if len(p) == 0 {
		return 0
	}
	return p[0]
}

// refRegister is an itsubaki/q register of n qubits in |0…0⟩.
type refRegister struct {
	sim  *q.Q
	qb   []q.Qubit
	n    int
	full *matrix.Matrix // full-register matrix buffer, zero between uses
}

func newRef(n int) *refRegister {
	sim := q.New()
	return &refRegister{sim: sim, qb: sim.Zeros(n), n: n}
}

// qubit returns the itsubaki qubit that is our qubit k.
func (r *refRegister) qubit(k int) q.Qubit { return r.qb[r.n-1-k] }

func (r *refRegister) qubits(ks []int) []q.Qubit {
	out := make([]q.Qubit, len(ks))
	for i, k := range ks {
		out[i] = r.qubit(k)
	}
	return out
}

// gate applies the named gate at angles p to our qubits.
func (r *refRegister) gate(name string, qubits []int, p []float64) {
	g := textbookGate(name, p)
	switch {
	case g.swap:
		r.sim.Swap(r.qubit(qubits[0]), r.qubit(qubits[1]))
	case g.fredkin:
		c, a, b := qubits[0], qubits[1], qubits[2]
		x := gate.X()
		r.sim.Controlled(x, r.qubits([]int{c, b}), r.qubits([]int{a}))
		r.sim.Controlled(x, r.qubits([]int{c, a}), r.qubits([]int{b}))
		r.sim.Controlled(x, r.qubits([]int{c, b}), r.qubits([]int{a}))
	case g.local != nil:
		r.matrix(g.local, qubits)
	case g.controls == 0:
		r.sim.G(g.u, r.qubit(qubits[0]))
	default:
		r.sim.Controlled(g.u, r.qubits(qubits[:g.controls]), r.qubits(qubits[g.controls:]))
	}
}

// matrix applies a local matrix (first listed qubit least significant) by
// building the full 2^n × 2^n register matrix, which is fine for a
// reference at n ≤ 10.
func (r *refRegister) matrix(local []complex128, qubits []int) {
	dim := 1 << r.n
	if r.full == nil {
		r.full = matrix.Zero(dim, dim)
	}
	r.fill(local, qubits, false)
	r.sim.Apply(r.full)
	r.fill(local, qubits, true)
}

// fill writes the entries of the embedded local matrix into r.full, or
// zeroes them again when clear is set: entry (row, col) is local[i][j] when
// row and col agree off the listed qubits, i and j being their bits on them.
func (r *refRegister) fill(local []complex128, qubits []int, clear bool) {
	dim, d := 1<<r.n, 1<<len(qubits)
	var mask int
	for _, k := range qubits {
		mask |= 1 << k
	}
	for col := 0; col < dim; col++ {
		j := 0
		for b, k := range qubits {
			j |= (col >> k & 1) << b
		}
		for i := 0; i < d; i++ {
			row := col &^ mask
			for b, k := range qubits {
				row |= (i >> b & 1) << k
			}
			v := local[i*d+j]
			if clear {
				v = 0
			}
			r.full.Set(row, col, v)
		}
	}
}

func (r *refRegister) amplitudes() []complex128 { return r.sim.Amplitude() }
