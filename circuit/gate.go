package circuit

import (
	"fmt"
	"math"
	"math/cmplx"
	"sort"
)

// ShiftRule says how the parameter-shift rule differentiates an expectation
// value with respect to one gate angle.
type ShiftRule uint8

const (
	// TwoTermShift applies when the angle enters as exp(-iθG) with G having
	// two eigenvalues one apart (Pauli rotations, phase gates):
	// ∂f = [f(θ+π/2) − f(θ−π/2)] / 2 (Mitarai et al. 2018; Schuld et al. 2019).
	TwoTermShift ShiftRule = iota + 1
	// FourTermShift applies to controlled rotations, whose generator has the
	// three eigenvalues {0, ±½} (Anselmetti et al., arXiv:2107.12390):
	// ∂f = c₊[f(θ+π/2) − f(θ−π/2)] − c₋[f(θ+3π/2) − f(θ−3π/2)],
	// c± = (√2 ± 1)/(4√2).
	FourTermShift
)

// GateSpec describes one named gate: how many qubits and angles it takes, its
// matrix, the derivative of the matrix with respect to each angle, its
// generator where it has one, and its inverse. Controlled gates list their
// controls first; the matrix of a controlled gate is the identity except on
// the block where every control is 1, where it is the target matrix.
type GateSpec struct {
	Name     string
	Qubits   int // total, controls included
	Params   int
	Controls int // leading control qubits
	// Diagonal reports that the full matrix is diagonal for every angle.
	Diagonal bool
	// Permutation reports that the target matrix is a permutation matrix
	// (x, swap and their controlled forms): kernels move amplitudes without
	// multiplying.
	Permutation bool
	// Shift holds the parameter-shift rule for each angle.
	Shift []ShiftRule

	// target writes the target matrix at angles p into dst (4^t entries);
	// targetDeriv writes its derivative in angle k.
	target      func(dst []complex128, p []float64)
	targetDeriv func(dst []complex128, p []float64, k int)
	generator   []complex128 // target-level G with U(θ) = exp(-iθG), single-angle gates only
	inverse     func(p []Param) (string, []Param)
}

// TargetQubits is the number of qubits the target matrix acts on.
func (g *GateSpec) TargetQubits() int { return g.Qubits - g.Controls }

// TargetMatrix returns the 2^t × 2^t row-major matrix applied to the target
// qubits when every control is 1. p must hold g.Params angles.
func (g *GateSpec) TargetMatrix(p []float64) []complex128 {
	return g.TargetMatrixTo(nil, p)
}

// TargetMatrixTo is TargetMatrix writing into dst's memory when it has room
// for the 4^t entries (so simulators compile gates without allocating); it
// returns the matrix.
func (g *GateSpec) TargetMatrixTo(dst []complex128, p []float64) []complex128 {
	dst = sized(dst, 1<<(2*g.TargetQubits()))
	g.target(dst, p)
	return dst
}

// TargetDerivativeTo writes ∂/∂p[k] of the target matrix into dst's memory
// when it has room, and returns it. The derivative of the full matrix is this
// block where every control is 1 and zero elsewhere.
func (g *GateSpec) TargetDerivativeTo(dst []complex128, p []float64, k int) []complex128 {
	dim := 1 << g.TargetQubits()
	dst = sized(dst, dim*dim)
	if g.targetDeriv != nil {
		g.targetDeriv(dst, p, k)
		return dst
	}
	// U = exp(−iθG) ⇒ ∂U/∂θ = −iG·U, formed column by column in dst
	// (generators act on at most 2 qubits).
	g.target(dst, p)
	var col [4]complex128
	for c := 0; c < dim; c++ {
		for r := 0; r < dim; r++ {
			var v complex128
			for m := 0; m < dim; m++ {
				v += g.generator[r*dim+m] * dst[m*dim+c]
			}
			col[r] = -1i * v
		}
		for r := 0; r < dim; r++ {
			dst[r*dim+c] = col[r]
		}
	}
	return dst
}

// sized returns dst resliced to n entries, or a new slice when it is too short.
func sized(dst []complex128, n int) []complex128 {
	if cap(dst) < n {
		return make([]complex128, n)
	}
	return dst[:n]
}

// Matrix returns the full 2^Qubits × 2^Qubits row-major matrix of g at angles
// p, in the local order described in the package comment.
func (g *GateSpec) Matrix(p []float64) []complex128 {
	return embedControlled(g.TargetMatrix(p), g.Controls, g.TargetQubits(), true)
}

// Derivative returns ∂U/∂p[k], the full-matrix derivative of g with respect
// to its k-th angle.
func (g *GateSpec) Derivative(p []float64, k int) []complex128 {
	return embedControlled(g.TargetDerivativeTo(nil, p, k), g.Controls, g.TargetQubits(), false)
}

// Generator returns the Hermitian G with U(θ) = exp(-iθG) for gates of one
// angle that have that form (rx, ry, rz, p, rxx, ryy, rzz and their
// controlled forms), as a full 2^Qubits matrix; nil otherwise.
func (g *GateSpec) Generator() []complex128 {
	if g.generator == nil {
		return nil
	}
	return embedControlled(g.generator, g.Controls, g.TargetQubits(), false)
}

// Inverse returns the name and angles of the gate that undoes g at p. The
// second result is false when no named gate does (iswap); use the adjoint
// matrix then.
func (g *GateSpec) Inverse(p []Param) (string, []Param, bool) {
	if g.inverse == nil {
		return "", nil, false
	}
	name, q := g.inverse(p)
	return name, q, true
}

// embedControlled places the target-level matrix t in the block of a
// controlled gate where all controls are 1; the rest is the identity when
// identity is true (a gate) and zero otherwise (a derivative or generator).
// Controls are the low bits of the full index.
func embedControlled(t []complex128, controls, targets int, identity bool) []complex128 {
	if controls == 0 {
		return t
	}
	dim := 1 << (controls + targets)
	tdim := 1 << targets
	cmask := 1<<controls - 1
	m := make([]complex128, dim*dim)
	for r := 0; r < dim; r++ {
		if r&cmask != cmask {
			if identity {
				m[r*dim+r] = 1
			}
			continue
		}
		for c := 0; c < tdim; c++ {
			m[r*dim+(c<<controls|cmask)] = t[(r>>controls)*tdim+c]
		}
	}
	return m
}

// Lookup returns the spec of the gate with the given (lower-case) name.
func Lookup(name string) (*GateSpec, bool) {
	g, ok := gates[name]
	return g, ok
}

// GateNames lists every named gate, sorted.
func GateNames() []string {
	names := make([]string, 0, len(gates))
	for n := range gates {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

var gates = map[string]*GateSpec{}

func register(g *GateSpec) {
	if _, dup := gates[g.Name]; dup {
		panic("circuit: gate registered twice: " + g.Name)
	}
	gates[g.Name] = g
}

// Matrices written out as their textbook definitions.
var (
	matI   = []complex128{1, 0, 0, 1}
	matX   = []complex128{0, 1, 1, 0}
	matY   = []complex128{0, -1i, 1i, 0}
	matZ   = []complex128{1, 0, 0, -1}
	matH   = []complex128{1 / math.Sqrt2, 1 / math.Sqrt2, 1 / math.Sqrt2, -1 / math.Sqrt2}
	matS   = []complex128{1, 0, 0, 1i}
	matSd  = []complex128{1, 0, 0, -1i}
	matT   = []complex128{1, 0, 0, cmplx.Exp(1i * math.Pi / 4)}
	matTd  = []complex128{1, 0, 0, cmplx.Exp(-1i * math.Pi / 4)}
	matSX  = []complex128{(1 + 1i) / 2, (1 - 1i) / 2, (1 - 1i) / 2, (1 + 1i) / 2}
	matSXd = []complex128{(1 - 1i) / 2, (1 + 1i) / 2, (1 + 1i) / 2, (1 - 1i) / 2}
	// matSwap exchanges |01⟩ and |10⟩.
	matSwap = []complex128{1, 0, 0, 0, 0, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 1}
	// matISwap exchanges |01⟩ and |10⟩ with a phase i.
	matISwap = []complex128{1, 0, 0, 0, 0, 0, 1i, 0, 0, 1i, 0, 0, 0, 0, 0, 1}
)

func fixed(m []complex128) func([]complex128, []float64) {
	return func(dst []complex128, _ []float64) { copy(dst, m) }
}

// rotation returns exp(-iθG) for a G with G² = I/4 (a Pauli string over 2):
// cos(θ/2)·I − 2i·sin(θ/2)·G.
func rotation(g []complex128) func([]complex128, []float64) {
	dim := isqrt(len(g))
	return func(dst []complex128, p []float64) {
		c, s := math.Cos(p[0]/2), math.Sin(p[0]/2)
		for i, v := range g {
			dst[i] = complex(0, -2*s) * v
		}
		for i := 0; i < dim; i++ {
			dst[i*dim+i] += complex(c, 0)
		}
	}
}

func phase(dst []complex128, p []float64) {
	dst[0], dst[1], dst[2], dst[3] = 1, 0, 0, cmplx.Exp(complex(0, p[0]))
}

// u3 is U(θ, φ, λ) = P(φ)·RY(θ)·P(λ) =
// [[cos θ/2, −e^{iλ} sin θ/2], [e^{iφ} sin θ/2, e^{i(φ+λ)} cos θ/2]]
// (OpenQASM 2.0 paper, eq. 2, with the phase convention of qelib1's u3).
func u3(dst []complex128, p []float64) {
	c, s := complex(math.Cos(p[0]/2), 0), complex(math.Sin(p[0]/2), 0)
	ephi, elam := cmplx.Exp(complex(0, p[1])), cmplx.Exp(complex(0, p[2]))
	dst[0], dst[1], dst[2], dst[3] = c, -elam*s, ephi*s, ephi*elam*c
}

func u3Deriv(dst []complex128, p []float64, k int) {
	c, s := complex(math.Cos(p[0]/2), 0), complex(math.Sin(p[0]/2), 0)
	ephi, elam := cmplx.Exp(complex(0, p[1])), cmplx.Exp(complex(0, p[2]))
	switch k {
	case 0:
		dst[0], dst[1], dst[2], dst[3] = -s/2, -elam*c/2, ephi*c/2, -ephi*elam*s/2
	case 1:
		dst[0], dst[1], dst[2], dst[3] = 0, 0, 1i*ephi*s, 1i*ephi*elam*c
	default:
		dst[0], dst[1], dst[2], dst[3] = 0, -1i*elam*s, 0, 1i*ephi*elam*c
	}
}

// u2(φ, λ) = U(π/2, φ, λ).
func u2(dst []complex128, p []float64) { u3(dst, []float64{math.Pi / 2, p[0], p[1]}) }

func u2Deriv(dst []complex128, p []float64, k int) {
	u3Deriv(dst, []float64{math.Pi / 2, p[0], p[1]}, k+1)
}

// cuTarget is e^{iγ}·U(θ, φ, λ), the target of the four-angle cu gate.
func cuTarget(dst []complex128, p []float64) {
	u3(dst, p[:3])
	scaleInPlace(dst, cmplx.Exp(complex(0, p[3])))
}

func cuTargetDeriv(dst []complex128, p []float64, k int) {
	g := cmplx.Exp(complex(0, p[3]))
	if k == 3 {
		u3(dst, p[:3])
		scaleInPlace(dst, 1i*g)
		return
	}
	u3Deriv(dst, p[:3], k)
	scaleInPlace(dst, g)
}

func scaleInPlace(m []complex128, a complex128) {
	for i := range m {
		m[i] *= a
	}
}

func neg(p []Param) []Param {
	out := make([]Param, len(p))
	for i, q := range p {
		out[i] = q.Scale(-1)
	}
	return out
}

// selfInverse, namedInverse and negatedInverse are the common inverse rules.
func selfInverse(name string) func([]Param) (string, []Param) {
	return func(p []Param) (string, []Param) { return name, p }
}
func negatedInverse(name string) func([]Param) (string, []Param) {
	return func(p []Param) (string, []Param) { return name, neg(p) }
}

// u3Inverse: U(θ, φ, λ)† = U(−θ, −λ, −φ).
func u3Inverse(name string) func([]Param) (string, []Param) {
	return func(p []Param) (string, []Param) {
		return name, []Param{p[0].Scale(-1), p[2].Scale(-1), p[1].Scale(-1)}
	}
}

func rules(r ...ShiftRule) []ShiftRule { return r }

func kron(a, b []complex128) []complex128 {
	da, db := isqrt(len(a)), isqrt(len(b))
	d := da * db
	m := make([]complex128, d*d)
	// a acts on the high bits, b on the low bits.
	for ar := 0; ar < da; ar++ {
		for ac := 0; ac < da; ac++ {
			for br := 0; br < db; br++ {
				for bc := 0; bc < db; bc++ {
					m[(ar*db+br)*d+ac*db+bc] = a[ar*da+ac] * b[br*db+bc]
				}
			}
		}
	}
	return m
}

func half(m []complex128) []complex128 { return scaleMat(m, 0.5) }

func init() {
	for _, g := range []*GateSpec{
		{Name: "id", Qubits: 1, Diagonal: true, target: fixed(matI), inverse: selfInverse("id")},
		{Name: "x", Qubits: 1, Permutation: true, target: fixed(matX), inverse: selfInverse("x")},
		{Name: "y", Qubits: 1, target: fixed(matY), inverse: selfInverse("y")},
		{Name: "z", Qubits: 1, Diagonal: true, target: fixed(matZ), inverse: selfInverse("z")},
		{Name: "h", Qubits: 1, target: fixed(matH), inverse: selfInverse("h")},
		{Name: "s", Qubits: 1, Diagonal: true, target: fixed(matS), inverse: selfInverse("sdg")},
		{Name: "sdg", Qubits: 1, Diagonal: true, target: fixed(matSd), inverse: selfInverse("s")},
		{Name: "t", Qubits: 1, Diagonal: true, target: fixed(matT), inverse: selfInverse("tdg")},
		{Name: "tdg", Qubits: 1, Diagonal: true, target: fixed(matTd), inverse: selfInverse("t")},
		{Name: "sx", Qubits: 1, target: fixed(matSX), inverse: selfInverse("sxdg")},
		{Name: "sxdg", Qubits: 1, target: fixed(matSXd), inverse: selfInverse("sx")},
		{Name: "rx", Qubits: 1, Params: 1, Shift: rules(TwoTermShift), target: rotation(half(matX)), generator: half(matX), inverse: negatedInverse("rx")},
		{Name: "ry", Qubits: 1, Params: 1, Shift: rules(TwoTermShift), target: rotation(half(matY)), generator: half(matY), inverse: negatedInverse("ry")},
		{Name: "rz", Qubits: 1, Params: 1, Diagonal: true, Shift: rules(TwoTermShift), target: rotation(half(matZ)), generator: half(matZ), inverse: negatedInverse("rz")},
		// p(λ) = diag(1, e^{iλ}) = exp(−iλ·diag(0, −1)).
		{Name: "p", Qubits: 1, Params: 1, Diagonal: true, Shift: rules(TwoTermShift), target: phase, generator: []complex128{0, 0, 0, -1}, inverse: negatedInverse("p")},
		{Name: "u1", Qubits: 1, Params: 1, Diagonal: true, Shift: rules(TwoTermShift), target: phase, generator: []complex128{0, 0, 0, -1}, inverse: negatedInverse("u1")},
		// u2(φ, λ) = U(π/2, φ, λ).
		{Name: "u2", Qubits: 1, Params: 2, Shift: rules(TwoTermShift, TwoTermShift),
			target: u2, targetDeriv: u2Deriv,
			inverse: func(p []Param) (string, []Param) {
				return "u3", []Param{Const(-math.Pi / 2), p[1].Scale(-1), p[0].Scale(-1)}
			}},
		{Name: "u3", Qubits: 1, Params: 3, Shift: rules(TwoTermShift, TwoTermShift, TwoTermShift), target: u3, targetDeriv: u3Deriv, inverse: u3Inverse("u3")},
		{Name: "u", Qubits: 1, Params: 3, Shift: rules(TwoTermShift, TwoTermShift, TwoTermShift), target: u3, targetDeriv: u3Deriv, inverse: u3Inverse("u")},
		{Name: "cx", Qubits: 2, Controls: 1, Permutation: true, target: fixed(matX), inverse: selfInverse("cx")},
		{Name: "cy", Qubits: 2, Controls: 1, target: fixed(matY), inverse: selfInverse("cy")},
		{Name: "cz", Qubits: 2, Controls: 1, Diagonal: true, target: fixed(matZ), inverse: selfInverse("cz")},
		{Name: "ch", Qubits: 2, Controls: 1, target: fixed(matH), inverse: selfInverse("ch")},
		{Name: "csx", Qubits: 2, Controls: 1, target: fixed(matSX)},
		{Name: "swap", Qubits: 2, Permutation: true, target: fixed(matSwap), inverse: selfInverse("swap")},
		{Name: "iswap", Qubits: 2, target: fixed(matISwap)},
		{Name: "crx", Qubits: 2, Params: 1, Controls: 1, Shift: rules(FourTermShift), target: rotation(half(matX)), generator: half(matX), inverse: negatedInverse("crx")},
		{Name: "cry", Qubits: 2, Params: 1, Controls: 1, Shift: rules(FourTermShift), target: rotation(half(matY)), generator: half(matY), inverse: negatedInverse("cry")},
		{Name: "crz", Qubits: 2, Params: 1, Controls: 1, Diagonal: true, Shift: rules(FourTermShift), target: rotation(half(matZ)), generator: half(matZ), inverse: negatedInverse("crz")},
		{Name: "cp", Qubits: 2, Params: 1, Controls: 1, Diagonal: true, Shift: rules(TwoTermShift), target: phase, generator: []complex128{0, 0, 0, -1}, inverse: negatedInverse("cp")},
		{Name: "cu1", Qubits: 2, Params: 1, Controls: 1, Diagonal: true, Shift: rules(TwoTermShift), target: phase, generator: []complex128{0, 0, 0, -1}, inverse: negatedInverse("cu1")},
		// Controlled U(θ, φ, λ) = controlled P(φ)·RY(θ)·P(λ): φ and λ enter
		// through controlled phases (two-term), θ through a controlled RY.
		{Name: "cu3", Qubits: 2, Params: 3, Controls: 1, Shift: rules(FourTermShift, TwoTermShift, TwoTermShift), target: u3, targetDeriv: u3Deriv, inverse: u3Inverse("cu3")},
		{Name: "cu", Qubits: 2, Params: 4, Controls: 1, Shift: rules(FourTermShift, TwoTermShift, TwoTermShift, TwoTermShift), target: cuTarget, targetDeriv: cuTargetDeriv,
			inverse: func(p []Param) (string, []Param) {
				return "cu", []Param{p[0].Scale(-1), p[2].Scale(-1), p[1].Scale(-1), p[3].Scale(-1)}
			}},
		// rxx(θ) = exp(−iθ X⊗X/2), and likewise ryy, rzz (Qiskit's RXXGate, RYYGate, RZZGate).
		{Name: "rxx", Qubits: 2, Params: 1, Shift: rules(TwoTermShift), target: rotation(half(kron(matX, matX))), generator: half(kron(matX, matX)), inverse: negatedInverse("rxx")},
		{Name: "ryy", Qubits: 2, Params: 1, Shift: rules(TwoTermShift), target: rotation(half(kron(matY, matY))), generator: half(kron(matY, matY)), inverse: negatedInverse("ryy")},
		{Name: "rzz", Qubits: 2, Params: 1, Diagonal: true, Shift: rules(TwoTermShift), target: rotation(half(kron(matZ, matZ))), generator: half(kron(matZ, matZ)), inverse: negatedInverse("rzz")},
		{Name: "ccx", Qubits: 3, Controls: 2, Permutation: true, target: fixed(matX), inverse: selfInverse("ccx")},
		{Name: "cswap", Qubits: 3, Controls: 1, Permutation: true, target: fixed(matSwap), inverse: selfInverse("cswap")},
		{Name: "c3x", Qubits: 4, Controls: 3, Permutation: true, target: fixed(matX), inverse: selfInverse("c3x")},
		{Name: "c3sqrtx", Qubits: 4, Controls: 3, target: fixed(matSX)},
		{Name: "c4x", Qubits: 5, Controls: 4, Permutation: true, target: fixed(matX), inverse: selfInverse("c4x")},
	} {
		if g.Params > 0 && len(g.Shift) != g.Params {
			panic(fmt.Sprintf("circuit: gate %s: %d shift rules for %d angles", g.Name, len(g.Shift), g.Params))
		}
		register(g)
	}
}
