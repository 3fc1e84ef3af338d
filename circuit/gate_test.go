package circuit_test

import (
	"math"
	"math/cmplx"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/qmlgo/qml/circuit"
)

// Dense-matrix helpers for the tests. They are written here, independently
// of the package's own helpers, so that the tests never check the code with
// itself. Matrices are row-major 2^k × 2^k; in a Kronecker product the first
// factor acts on the high bits, so kron(B, A) puts A on the first-listed
// (least-significant) qubit.

func dimOf(m []complex128) int { return int(math.Round(math.Sqrt(float64(len(m))))) }

func identity(d int) []complex128 {
	m := make([]complex128, d*d)
	for i := 0; i < d; i++ {
		m[i*d+i] = 1
	}
	return m
}

func mul(a, b []complex128) []complex128 {
	d := dimOf(a)
	out := make([]complex128, d*d)
	for i := 0; i < d; i++ {
		for k := 0; k < d; k++ {
			for j := 0; j < d; j++ {
				out[i*d+j] += a[i*d+k] * b[k*d+j]
			}
		}
	}
	return out
}

func adjoint(m []complex128) []complex128 {
	d := dimOf(m)
	out := make([]complex128, d*d)
	for i := 0; i < d; i++ {
		for j := 0; j < d; j++ {
			out[j*d+i] = cmplx.Conj(m[i*d+j])
		}
	}
	return out
}

func add(a, b []complex128, s complex128) []complex128 {
	out := make([]complex128, len(a))
	for i := range a {
		out[i] = a[i] + s*b[i]
	}
	return out
}

func kron(a, b []complex128) []complex128 {
	da, db := dimOf(a), dimOf(b)
	d := da * db
	out := make([]complex128, d*d)
	for i := 0; i < d; i++ {
		for j := 0; j < d; j++ {
			out[i*d+j] = a[(i/db)*da+j/db] * b[(i%db)*db+j%db]
		}
	}
	return out
}

func maxDiff(a, b []complex128) float64 {
	if len(a) != len(b) {
		return math.Inf(1)
	}
	worst := 0.0
	for i := range a {
		worst = math.Max(worst, cmplx.Abs(a[i]-b[i]))
	}
	return worst
}

// expmI returns exp(−iθG) by scaling and squaring a 30-term Taylor series
// (Moler & Van Loan 2003, method 3): no eigendecomposition involved.
func expmI(g []complex128, theta float64) []complex128 {
	d := dimOf(g)
	a := make([]complex128, len(g))
	norm := 0.0
	for i, v := range g {
		a[i] = complex(0, -theta) * v
	}
	for i := 0; i < d; i++ {
		row := 0.0
		for j := 0; j < d; j++ {
			row += cmplx.Abs(a[i*d+j])
		}
		norm = math.Max(norm, row)
	}
	squarings := 0
	for norm > 0.5 {
		norm /= 2
		squarings++
	}
	for i := range a {
		a[i] /= complex(math.Ldexp(1, squarings), 0)
	}
	sum, term := identity(d), identity(d)
	for k := 1; k <= 30; k++ {
		term = mul(term, a)
		for i := range term {
			term[i] /= complex(float64(k), 0)
		}
		sum = add(sum, term, 1)
	}
	for ; squarings > 0; squarings-- {
		sum = mul(sum, sum)
	}
	return sum
}

func apply(m, psi []complex128) []complex128 {
	d := len(psi)
	out := make([]complex128, d)
	for i := 0; i < d; i++ {
		for j := 0; j < d; j++ {
			out[i] += m[i*d+j] * psi[j]
		}
	}
	return out
}

// expectation returns ⟨ψ|O|ψ⟩, real for Hermitian O.
func expectation(psi, o []complex128) float64 {
	var s complex128
	for i, v := range apply(o, psi) {
		s += cmplx.Conj(psi[i]) * v
	}
	return real(s)
}

func randomState(rng *rand.Rand, d int) []complex128 {
	psi := make([]complex128, d)
	norm := 0.0
	for i := range psi {
		psi[i] = complex(rng.NormFloat64(), rng.NormFloat64())
		norm += real(psi[i])*real(psi[i]) + imag(psi[i])*imag(psi[i])
	}
	for i := range psi {
		psi[i] /= complex(math.Sqrt(norm), 0)
	}
	return psi
}

func randomHermitian(rng *rand.Rand, d int) []complex128 {
	a := make([]complex128, d*d)
	for i := range a {
		a[i] = complex(rng.NormFloat64(), rng.NormFloat64())
	}
	return add(a, adjoint(a), 1)
}

func randomAngles(rng *rand.Rand, n int) []float64 {
	p := make([]float64, n)
	for i := range p {
		p[i] = (2*rng.Float64() - 1) * 2 * math.Pi
	}
	return p
}

// fivePoint is the fourth-order central difference of f at x.
func fivePoint(f func(float64) float64, x float64) float64 {
	const h = 1e-3
	return (-f(x+2*h) + 8*f(x+h) - 8*f(x-h) + f(x-2*h)) / (12 * h)
}

func e(phi float64) complex128 { return cmplx.Exp(complex(0, phi)) }

// Textbook single-qubit matrices (Nielsen & Chuang §4.2; Qiskit's gate docs).
var (
	refI  = []complex128{1, 0, 0, 1}
	refX  = []complex128{0, 1, 1, 0}
	refY  = []complex128{0, -1i, 1i, 0}
	refZ  = []complex128{1, 0, 0, -1}
	refSX = []complex128{(1 + 1i) / 2, (1 - 1i) / 2, (1 - 1i) / 2, (1 + 1i) / 2}
)

func rx(t float64) []complex128 {
	c, s := complex(math.Cos(t/2), 0), complex(math.Sin(t/2), 0)
	return []complex128{c, -1i * s, -1i * s, c}
}

func ry(t float64) []complex128 {
	c, s := complex(math.Cos(t/2), 0), complex(math.Sin(t/2), 0)
	return []complex128{c, -s, s, c}
}

// u3 is U(θ, φ, λ) of the OpenQASM 2.0 paper (Cross et al. 2017, eq. 2).
func u3(t, phi, lam float64) []complex128 {
	c, s := complex(math.Cos(t/2), 0), complex(math.Sin(t/2), 0)
	return []complex128{c, -e(lam) * s, e(phi) * s, e(phi+lam) * c}
}

func scale(m []complex128, s complex128) []complex128 { return add(make([]complex128, len(m)), m, s) }

// controlled returns |1…1⟩⟨1…1| ⊗ u + (I − |1…1⟩⟨1…1|) ⊗ I with the
// controls on the low bits.
func controlled(u []complex128, controls int) []complex128 {
	proj := []complex128{1}
	for i := 0; i < controls; i++ {
		proj = kron(proj, []complex128{0, 0, 0, 1})
	}
	d := dimOf(u) << controls
	return add(identity(d), kron(add(u, identity(dimOf(u)), -1), proj), 1)
}

// permutation returns the matrix sending basis state |i⟩ to |f(i)⟩.
func permutation(qubits int, f func(int) int) []complex128 {
	d := 1 << qubits
	m := make([]complex128, d*d)
	for i := 0; i < d; i++ {
		m[f(i)*d+i] = 1
	}
	return m
}

// multiControlledX flips bit `controls` when the low `controls` bits are all 1.
func multiControlledX(controls int) []complex128 {
	mask := 1<<controls - 1
	return permutation(controls+1, func(i int) int {
		if i&mask == mask {
			return i ^ (1 << controls)
		}
		return i
	})
}

// gateRef is the textbook definition of one named gate, full matrix in the
// local order (first listed qubit least significant).
type gateRef struct {
	qubits, params int
	m              func(p []float64) []complex128
}

func fixedRef(qubits int, m []complex128) gateRef {
	return gateRef{qubits, 0, func([]float64) []complex128 { return m }}
}

var r2 = complex(1/math.Sqrt2, 0)

var gateRefs = map[string]gateRef{
	"id":   fixedRef(1, refI),
	"x":    fixedRef(1, refX),
	"y":    fixedRef(1, refY),
	"z":    fixedRef(1, refZ),
	"h":    fixedRef(1, []complex128{r2, r2, r2, -r2}),
	"s":    fixedRef(1, []complex128{1, 0, 0, 1i}),
	"sdg":  fixedRef(1, []complex128{1, 0, 0, -1i}),
	"t":    fixedRef(1, []complex128{1, 0, 0, (1 + 1i) * r2}),
	"tdg":  fixedRef(1, []complex128{1, 0, 0, (1 - 1i) * r2}),
	"sx":   fixedRef(1, refSX),
	"sxdg": fixedRef(1, []complex128{(1 - 1i) / 2, (1 + 1i) / 2, (1 + 1i) / 2, (1 - 1i) / 2}),
	"rx":   {1, 1, func(p []float64) []complex128 { return rx(p[0]) }},
	"ry":   {1, 1, func(p []float64) []complex128 { return ry(p[0]) }},
	"rz":   {1, 1, func(p []float64) []complex128 { return []complex128{e(-p[0] / 2), 0, 0, e(p[0] / 2)} }},
	"p":    {1, 1, func(p []float64) []complex128 { return []complex128{1, 0, 0, e(p[0])} }},
	"u1":   {1, 1, func(p []float64) []complex128 { return []complex128{1, 0, 0, e(p[0])} }},
	"u2": {1, 2, func(p []float64) []complex128 {
		return []complex128{r2, -r2 * e(p[1]), r2 * e(p[0]), r2 * e(p[0]+p[1])}
	}},
	"u3": {1, 3, func(p []float64) []complex128 { return u3(p[0], p[1], p[2]) }},
	"u":  {1, 3, func(p []float64) []complex128 { return u3(p[0], p[1], p[2]) }},
	// CX(c, t) with c the low bit: |c=1,t=0⟩ = index 1 ↔ |c=1,t=1⟩ = index 3.
	"cx": fixedRef(2, []complex128{
		1, 0, 0, 0,
		0, 0, 0, 1,
		0, 0, 1, 0,
		0, 1, 0, 0}),
	"cy": fixedRef(2, []complex128{
		1, 0, 0, 0,
		0, 0, 0, -1i,
		0, 0, 1, 0,
		0, 1i, 0, 0}),
	"cz": fixedRef(2, []complex128{
		1, 0, 0, 0,
		0, 1, 0, 0,
		0, 0, 1, 0,
		0, 0, 0, -1}),
	"ch": fixedRef(2, []complex128{
		1, 0, 0, 0,
		0, r2, 0, r2,
		0, 0, 1, 0,
		0, r2, 0, -r2}),
	"csx": fixedRef(2, controlled(refSX, 1)),
	"swap": fixedRef(2, []complex128{
		1, 0, 0, 0,
		0, 0, 1, 0,
		0, 1, 0, 0,
		0, 0, 0, 1}),
	"iswap": fixedRef(2, []complex128{
		1, 0, 0, 0,
		0, 0, 1i, 0,
		0, 1i, 0, 0,
		0, 0, 0, 1}),
	"crx": {2, 1, func(p []float64) []complex128 {
		c, s := complex(math.Cos(p[0]/2), 0), complex(math.Sin(p[0]/2), 0)
		return []complex128{
			1, 0, 0, 0,
			0, c, 0, -1i * s,
			0, 0, 1, 0,
			0, -1i * s, 0, c}
	}},
	"cry": {2, 1, func(p []float64) []complex128 {
		c, s := complex(math.Cos(p[0]/2), 0), complex(math.Sin(p[0]/2), 0)
		return []complex128{
			1, 0, 0, 0,
			0, c, 0, -s,
			0, 0, 1, 0,
			0, s, 0, c}
	}},
	"crz": {2, 1, func(p []float64) []complex128 {
		return []complex128{
			1, 0, 0, 0,
			0, e(-p[0] / 2), 0, 0,
			0, 0, 1, 0,
			0, 0, 0, e(p[0] / 2)}
	}},
	"cp": {2, 1, func(p []float64) []complex128 {
		return []complex128{1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, e(p[0])}
	}},
	"cu1": {2, 1, func(p []float64) []complex128 {
		return []complex128{1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, e(p[0])}
	}},
	"cu3": {2, 3, func(p []float64) []complex128 { return controlled(u3(p[0], p[1], p[2]), 1) }},
	// Qiskit's CUGate(θ, φ, λ, γ): controlled e^{iγ}·U(θ, φ, λ).
	"cu": {2, 4, func(p []float64) []complex128 { return controlled(scale(u3(p[0], p[1], p[2]), e(p[3])), 1) }},
	// Qiskit's RXXGate, RYYGate, RZZGate matrices.
	"rxx": {2, 1, func(p []float64) []complex128 {
		c, s := complex(math.Cos(p[0]/2), 0), complex(0, -math.Sin(p[0]/2))
		return []complex128{
			c, 0, 0, s,
			0, c, s, 0,
			0, s, c, 0,
			s, 0, 0, c}
	}},
	"ryy": {2, 1, func(p []float64) []complex128 {
		c, s := complex(math.Cos(p[0]/2), 0), complex(0, math.Sin(p[0]/2))
		return []complex128{
			c, 0, 0, s,
			0, c, -s, 0,
			0, -s, c, 0,
			s, 0, 0, c}
	}},
	"rzz": {2, 1, func(p []float64) []complex128 {
		a, b := e(-p[0]/2), e(p[0]/2)
		return []complex128{
			a, 0, 0, 0,
			0, b, 0, 0,
			0, 0, b, 0,
			0, 0, 0, a}
	}},
	"ccx": fixedRef(3, multiControlledX(2)),
	// Fredkin: with the control (bit 0) set, exchange bits 1 and 2.
	"cswap": fixedRef(3, permutation(3, func(i int) int {
		if i&1 == 1 && (i>>1&1) != (i>>2&1) {
			return i ^ 0b110
		}
		return i
	})),
	"c3x":     fixedRef(4, multiControlledX(3)),
	"c3sqrtx": fixedRef(4, controlled(refSX, 3)),
	"c4x":     fixedRef(5, multiControlledX(4)),
}

// angleSets returns the angles every gate test visits: all zero, all π/2,
// and three random draws.
func angleSets(n int) [][]float64 {
	rng := rand.New(rand.NewPCG(1, 2))
	sets := [][]float64{make([]float64, n), slices.Repeat([]float64{math.Pi / 2}, n)}
	for i := 0; i < 3; i++ {
		sets = append(sets, randomAngles(rng, n))
	}
	return sets
}

func lookup(t testing.TB, name string) *circuit.GateSpec {
	t.Helper()
	g, ok := circuit.Lookup(name)
	if !ok {
		t.Fatalf("Lookup(%q) failed", name)
	}
	return g
}

func TestGateNamesAndLookup(t *testing.T) {
	names := circuit.GateNames()
	if !slices.IsSorted(names) {
		t.Errorf("GateNames not sorted: %v", names)
	}
	if len(names) != len(gateRefs) {
		t.Errorf("%d gates, %d references", len(names), len(gateRefs))
	}
	for _, name := range names {
		if _, ok := gateRefs[name]; !ok {
			t.Errorf("gate %q has no textbook reference in the test", name)
		}
		if g := lookup(t, name); g.Name != name {
			t.Errorf("Lookup(%q).Name = %q", name, g.Name)
		}
	}
	for _, bad := range []string{"", "CX", "cnot", "u4"} {
		if _, ok := circuit.Lookup(bad); ok {
			t.Errorf("Lookup(%q) succeeded", bad)
		}
	}
}

func TestGateShapes(t *testing.T) {
	for _, name := range circuit.GateNames() {
		g, ref := lookup(t, name), gateRefs[name]
		if g.Qubits != ref.qubits || g.Params != ref.params {
			t.Errorf("%s: %d qubits, %d params; want %d, %d", name, g.Qubits, g.Params, ref.qubits, ref.params)
		}
		if g.TargetQubits() != g.Qubits-g.Controls || g.TargetQubits() < 1 {
			t.Errorf("%s: TargetQubits = %d with %d qubits, %d controls", name, g.TargetQubits(), g.Qubits, g.Controls)
		}
		if g.Params > 0 && len(g.Shift) != g.Params {
			t.Errorf("%s: %d shift rules for %d params", name, len(g.Shift), g.Params)
		}
		if (g.Generator() != nil) != (g.Params == 1) {
			t.Errorf("%s: has generator %v with %d params", name, g.Generator() != nil, g.Params)
		}
	}
}

func TestGateMatrix(t *testing.T) {
	for _, name := range circuit.GateNames() {
		g, ref := lookup(t, name), gateRefs[name]
		for _, p := range angleSets(g.Params) {
			want := ref.m(p)
			got := g.Matrix(p)
			if d := maxDiff(got, want); d > 1e-14 {
				t.Errorf("%s%v: matrix differs from the textbook by %g:\n got %v\nwant %v", name, p, d, got, want)
			}
			if dev, err := circuit.UnitarityError(got); err != nil || dev > 1e-13 {
				t.Errorf("%s%v: UnitarityError = %g, %v", name, p, dev, err)
			}
			// The target matrix is the block where every control is 1.
			tdim, full, cmask := 1<<g.TargetQubits(), 1<<g.Qubits, 1<<g.Controls-1
			block := make([]complex128, tdim*tdim)
			for r := 0; r < tdim; r++ {
				for c := 0; c < tdim; c++ {
					block[r*tdim+c] = want[(r<<g.Controls|cmask)*full+(c<<g.Controls|cmask)]
				}
			}
			if d := maxDiff(g.TargetMatrix(p), block); d > 1e-14 {
				t.Errorf("%s%v: target matrix differs by %g", name, p, d)
			}
		}
	}
}

func isDiagonal(m []complex128) bool {
	d := dimOf(m)
	for i, v := range m {
		if i/d != i%d && v != 0 {
			return false
		}
	}
	return true
}

func isPermutation(m []complex128) bool {
	d := dimOf(m)
	rows, cols := make([]int, d), make([]int, d)
	for i, v := range m {
		switch v {
		case 0:
		case 1:
			rows[i/d]++
			cols[i%d]++
		default:
			return false
		}
	}
	for i := 0; i < d; i++ {
		if rows[i] != 1 || cols[i] != 1 {
			return false
		}
	}
	return true
}

func TestGateFlags(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for _, name := range circuit.GateNames() {
		g := lookup(t, name)
		p := randomAngles(rng, g.Params)
		ref := gateRefs[name].m(p)
		if g.Diagonal != isDiagonal(ref) {
			t.Errorf("%s: Diagonal = %v, textbook matrix diagonal = %v", name, g.Diagonal, isDiagonal(ref))
		}
		if g.Permutation && !isPermutation(g.TargetMatrix(p)) {
			t.Errorf("%s: Permutation set but the target matrix is not a permutation", name)
		}
	}
}

// noNamedInverse lists the gates whose inverse is not a named gate.
var noNamedInverse = []string{"csx", "iswap", "c3sqrtx"}

func TestGateInverse(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for _, name := range circuit.GateNames() {
		g := lookup(t, name)
		name1, _, ok := g.Inverse(make([]circuit.Param, g.Params))
		if ok == slices.Contains(noNamedInverse, name) {
			t.Errorf("%s: Inverse ok = %v", name, ok)
		}
		if !ok {
			continue
		}
		inv := lookup(t, name1)
		for _, p := range angleSets(g.Params) {
			// Angles as symbolic affine expressions a·θ[i] + b, bound at run time.
			b := circuit.Binding{Weights: randomAngles(rng, g.Params)}
			params := make([]circuit.Param, g.Params)
			for i := range params {
				a := 0.5 + rng.Float64()
				params[i] = circuit.Weight(i).Scale(a).Offset(p[i] - a*b.Weights[i])
			}
			_, q, _ := g.Inverse(params)
			if len(q) != inv.Params {
				t.Fatalf("%s: inverse %s gets %d params, takes %d", name, name1, len(q), inv.Params)
			}
			qv := make([]float64, len(q))
			for i := range q {
				qv[i] = q[i].Value(b)
			}
			if d := maxDiff(mul(inv.Matrix(qv), gateRefs[name].m(p)), identity(1<<g.Qubits)); d > 1e-13 {
				t.Errorf("%s%v: %s%v · U ≠ I (by %g)", name, p, name1, qv, d)
			}
		}
	}
}

func TestGateDerivative(t *testing.T) {
	for _, name := range circuit.GateNames() {
		g := lookup(t, name)
		for _, p := range angleSets(g.Params) {
			for k := 0; k < g.Params; k++ {
				fd := make([]complex128, 1<<(2*g.Qubits))
				for i := range fd {
					re := fivePoint(func(x float64) float64 {
						q := slices.Clone(p)
						q[k] = x
						return real(g.Matrix(q)[i])
					}, p[k])
					im := fivePoint(func(x float64) float64 {
						q := slices.Clone(p)
						q[k] = x
						return imag(g.Matrix(q)[i])
					}, p[k])
					fd[i] = complex(re, im)
				}
				if d := maxDiff(g.Derivative(p, k), fd); d > 1e-7 {
					t.Errorf("%s%v: ∂/∂p[%d] differs from finite differences by %g", name, p, k, d)
				}
			}
		}
	}
}

func TestGateGenerator(t *testing.T) {
	for _, name := range circuit.GateNames() {
		g := lookup(t, name)
		gen := g.Generator()
		if gen == nil {
			continue
		}
		if d := maxDiff(gen, adjoint(gen)); d != 0 {
			t.Errorf("%s: generator not Hermitian (by %g)", name, d)
		}
		for _, p := range angleSets(1) {
			if d := maxDiff(gateRefs[name].m(p), expmI(gen, p[0])); d > 1e-12 {
				t.Errorf("%s(%g): matrix ≠ exp(−iθG) (by %g)", name, p[0], d)
			}
		}
	}
}

// shiftDerivative applies the rule documented on circuit.ShiftRule to f at x.
func shiftDerivative(rule circuit.ShiftRule, f func(float64) float64, x float64) float64 {
	switch rule {
	case circuit.TwoTermShift:
		return (f(x+math.Pi/2) - f(x-math.Pi/2)) / 2
	case circuit.FourTermShift:
		cp := (math.Sqrt2 + 1) / (4 * math.Sqrt2)
		cm := (math.Sqrt2 - 1) / (4 * math.Sqrt2)
		return cp*(f(x+math.Pi/2)-f(x-math.Pi/2)) - cm*(f(x+3*math.Pi/2)-f(x-3*math.Pi/2))
	}
	return math.NaN()
}

// TestShiftRules checks, for every angle of every parameterised gate, that
// the declared parameter-shift rule gives the derivative of
// f(θ) = ⟨ψ|U(θ)† O U(θ)|ψ⟩ for random Hermitian O and states ψ (random,
// and the uniform superposition, which puts every control in superposition).
func TestShiftRules(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	for _, name := range circuit.GateNames() {
		g := lookup(t, name)
		if g.Params == 0 {
			continue
		}
		ref, d := gateRefs[name], 1<<g.Qubits
		uniform := make([]complex128, d)
		for i := range uniform {
			uniform[i] = complex(1/math.Sqrt(float64(d)), 0)
		}
		for trial, psi := range [][]complex128{uniform, randomState(rng, d), randomState(rng, d)} {
			o, p := randomHermitian(rng, d), randomAngles(rng, g.Params)
			for k := 0; k < g.Params; k++ {
				f := func(x float64) float64 {
					q := slices.Clone(p)
					q[k] = x
					return expectation(apply(ref.m(q), psi), o)
				}
				fd, shift := fivePoint(f, p[k]), shiftDerivative(g.Shift[k], f, p[k])
				if math.Abs(fd-shift) > 1e-8 {
					t.Errorf("%s trial %d, angle %d: shift rule %d gives %.12g, finite difference %.12g", name, trial, k, g.Shift[k], shift, fd)
				}
			}
		}
	}
}

func TestUnitarityError(t *testing.T) {
	for _, tc := range []struct {
		name string
		m    []complex128
		want float64
		err  bool
	}{
		{"1x1 phase", []complex128{1i}, 0, false},
		{"H", []complex128{r2, r2, r2, -r2}, 0, false},
		{"2I", []complex128{2, 0, 0, 2}, 3, false},
		{"projector", []complex128{1, 0, 0, 0}, 1, false},
		{"3x3", identity(3), 0, true},
		{"not square", make([]complex128, 3), 0, true},
		{"empty", nil, 0, true},
	} {
		got, err := circuit.UnitarityError(tc.m)
		if (err != nil) != tc.err || math.Abs(got-tc.want) > 1e-15 {
			t.Errorf("%s: UnitarityError = %g, %v; want %g, error %v", tc.name, got, err, tc.want, tc.err)
		}
	}
}

func TestDagger(t *testing.T) {
	m := []complex128{1, 2i, 3 + 1i, 4}
	want := []complex128{1, 3 - 1i, -2i, 4}
	if got := circuit.Dagger(m); maxDiff(got, want) != 0 {
		t.Errorf("Dagger = %v, want %v", got, want)
	}
}

func BenchmarkGateMatrix(b *testing.B) {
	g := lookup(b, "cu")
	p := []float64{0.1, 0.2, 0.3, 0.4}
	for b.Loop() {
		g.Matrix(p)
	}
}
