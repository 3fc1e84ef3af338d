package density

import (
	"math"
	"math/cmplx"
	"math/rand/v2"
	"testing"

	"github.com/itsubaki/q/math/matrix"
	qd "github.com/itsubaki/q/quantum/density"
	"github.com/itsubaki/q/quantum/gate"
	"github.com/itsubaki/q/quantum/qubit"
	"github.com/qmlgo/qml/circuit"
)

// embed returns the 2^n × 2^n matrix of the local matrix m on the listed
// qubits (the first listed is bit 0 of m's index). Basis indices are the
// same integers in qml and itsubaki/q; only the qubit names differ: qml's
// qubit q, bit q of the index, is itsubaki's qubit n−1−q.
func embed(m []complex128, qubits []int, n int) *matrix.Matrix {
	d := 1 << n
	local := func(i int) (int, int) { // i in qml order → local index, rest
		l, rest := 0, i
		for k, q := range qubits {
			l |= (i >> q & 1) << k
			rest &^= 1 << q
		}
		return l, rest
	}
	k := 1 << len(qubits)
	out := matrix.Zero(d, d)
	for R := 0; R < d; R++ {
		lr, rr := local(R)
		for C := 0; C < d; C++ {
			lc, rc := local(C)
			if rr == rc {
				out.Set(R, C, m[lr*k+lc])
			}
		}
	}
	return out
}

// itsubakiQubit maps a qml qubit to itsubaki's index.
func itsubakiQubit(q, n int) int { return n - 1 - q }

// randomNoisyCircuit returns a random circuit of common gates on n qubits
// and a noise model using every channel type.
func randomNoisyCircuit(rng *rand.Rand, n, gates int) (*circuit.Circuit, *circuit.NoiseModel) {
	one := []string{"h", "x", "y", "z", "s", "t", "sx", "rx", "ry", "rz", "p", "u3"}
	two := []string{"cx", "cz", "cy", "swap", "crx", "cry", "crz", "cp", "rxx", "ryy", "rzz", "iswap"}
	c := circuit.New(n)
	for range gates {
		names, k := one, 1
		if n > 1 && rng.IntN(3) == 0 {
			names, k = two, 2
		}
		g, _ := circuit.Lookup(names[rng.IntN(len(names))])
		qs := rng.Perm(n)[:k]
		params := make([]circuit.Param, g.Params)
		for i := range params {
			params[i] = circuit.Const(rng.Float64()*4 - 2)
		}
		c.Gate(g.Name, qs, params...)
	}
	mk := func(s circuit.ChannelSpec) *circuit.Channel {
		ch, err := circuit.NewChannel(s)
		if err != nil {
			panic(err)
		}
		return ch
	}
	m := &circuit.NoiseModel{Channels: []circuit.NoiseRule{
		{Gates: []string{"h", "sx", "u3"}, Channel: mk(circuit.ChannelSpec{Type: "depolarizing", P: 0.05})},
		{Gates: []string{"cx", "cz", "cy", "iswap", "rxx"}, Channel: mk(circuit.ChannelSpec{Type: "depolarizing2", P: 0.08})},
		{Gates: []string{"rx", "ry"}, Channel: mk(circuit.ChannelSpec{Type: "amplitude_damping", Gamma: 0.1})},
		{Gates: []string{"rz", "p", "s", "t"}, Channel: mk(circuit.ChannelSpec{Type: "phase_damping", Gamma: 0.15})},
		{Gates: []string{"x"}, Channel: mk(circuit.ChannelSpec{Type: "bit_flip", P: 0.1})},
		{Gates: []string{"y"}, Channel: mk(circuit.ChannelSpec{Type: "bit_phase_flip", P: 0.1})},
		{Gates: []string{"z", "swap"}, Channel: mk(circuit.ChannelSpec{Type: "phase_flip", P: 0.1})},
		{Gates: []string{"crx", "cry", "crz"}, Channel: mk(circuit.ChannelSpec{Type: "pauli", Pauli: map[string]float64{"X": 0.02, "Y": 0.03, "Z": 0.04}})},
		{Gates: []string{"cp", "ryy", "rzz"}, Channel: mk(circuit.ChannelSpec{Type: "thermal_relaxation", T1: 50, T2: 40, Time: 3, Excited: 0.05})},
		{Gates: []string{"cp", "rzz"}, Channel: mk(circuit.ChannelSpec{Type: "pauli", Pauli: map[string]float64{"XZ": 0.02, "YY": 0.03}})},
	}}
	return c, m
}

// reference runs c under m on itsubaki/q's density matrices: full
// matrices, and itsubaki's own channels where it has them.
func reference(c *circuit.Circuit, m *circuit.NoiseModel) *qd.DensityMatrix {
	n := c.NumQubits
	rho := qd.New(qubit.Zeros(n))
	for i := range c.Ops {
		op := &c.Ops[i]
		rho = rho.Apply(embed(op.Matrix(circuit.Binding{}), op.Qubits, n))
		for _, a := range m.After(op) {
			s := a.Channel.Spec
			q := itsubakiQubit(a.Qubits[0], n)
			switch s.Type {
			case "depolarizing":
				rho = rho.Depolarizing(s.P, q)
			case "amplitude_damping":
				rho = rho.AmplitudeDamping(s.Gamma, q)
			case "phase_damping":
				rho = rho.PhaseDamping(s.Gamma, q)
			case "bit_flip":
				rho = rho.BitFlip(s.P, q)
			case "phase_flip":
				rho = rho.PhaseFlip(s.P, q)
			case "bit_phase_flip":
				rho = rho.BitPhaseFlip(s.P, q)
			case "pauli":
				if a.Channel.Qubits == 1 {
					rho = rho.Pauli(s.Pauli["X"], s.Pauli["Y"], s.Pauli["Z"], q)
					break
				}
				fallthrough
			default: // depolarizing2, two-qubit Pauli, thermal relaxation
				ops := make([]*matrix.Matrix, len(a.Channel.Kraus))
				for k, K := range a.Channel.Kraus {
					ops[k] = embed(K, a.Qubits, n)
				}
				rho = rho.ApplyKraus(ops...)
			}
		}
	}
	return rho
}

// TestAgainstItsubaki compares ρ after random noisy circuits on up to six
// qubits with itsubaki/q's density package, entry by entry, to 1e-10.
func TestAgainstItsubaki(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 1))
	for trial := range 12 {
		n := 1 + trial%6
		c, m := randomNoisyCircuit(rng, n, 4+3*n)
		s, err := New(n)
		if err != nil {
			t.Fatal(err)
		}
		if err := s.Run(c, circuit.Binding{}, m); err != nil {
			t.Fatal(err)
		}
		want := reference(c, m)
		worst := 0.0
		for r := 0; r < 1<<n; r++ {
			for col := 0; col < 1<<n; col++ {
				w := want.At(r, col)
				worst = math.Max(worst, cmplx.Abs(s.At(r, col)-w))
			}
		}
		if worst > 1e-10 {
			t.Errorf("trial %d (n=%d): max |ρ − ρ_itsubaki| = %.3g", trial, n, worst)
		}
		// Expectation values against itsubaki's tr(Oρ) of a Pauli string.
		obs := circuit.Sum(circuit.Term(0.7, circuit.Z(0)), circuit.Term(-0.4, circuit.X(n-1)), circuit.Term(0.3, circuit.Y(0)))
		got, err := s.Expectation(obs)
		if err != nil {
			t.Fatal(err)
		}
		ref := 0.7*want.ExpectedValue(embed([]complex128{1, 0, 0, -1}, []int{0}, n)) -
			0.4*want.ExpectedValue(embed([]complex128{0, 1, 1, 0}, []int{n - 1}, n)) +
			0.3*want.ExpectedValue(embed([]complex128{0, -1i, 1i, 0}, []int{0}, n))
		if math.Abs(got-ref) > 1e-10 {
			t.Errorf("trial %d: ⟨O⟩ = %.15g, itsubaki %.15g", trial, got, ref)
		}
		if math.Abs(s.Trace()-1) > 1e-12 {
			t.Errorf("trial %d: trace %v", trial, s.Trace())
		}
	}
}

// TestConjugates checks every named conjugate rule, and the explicit
// fallback, against the complex conjugate of the gate's matrix.
func TestConjugates(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 3))
	for _, name := range circuit.GateNames() {
		g, _ := circuit.Lookup(name)
		if g.Qubits > 5 {
			continue
		}
		qs := make([]int, g.Qubits)
		for i := range qs {
			qs[i] = i
		}
		params := make([]circuit.Param, g.Params)
		for i := range params {
			params[i] = circuit.Const(rng.Float64()*6 - 3)
		}
		op := circuit.Op{Kind: circuit.GateOp, Gate: g, Qubits: qs, Params: params}
		conj, err := conjugateOp(&op, 0)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		want, got := op.Matrix(circuit.Binding{}), conj.Matrix(circuit.Binding{})
		for i := range want {
			if cmplx.Abs(got[i]-cmplx.Conj(want[i])) > 1e-14 {
				t.Errorf("%s: conjugate differs at %d: %v vs %v", name, i, got[i], cmplx.Conj(want[i]))
				break
			}
		}
	}
	_ = gate.I // itsubaki's gate package is the reference's
}
