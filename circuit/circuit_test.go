package circuit_test

import (
	"errors"
	"math"
	"math/cmplx"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/itsubaki/q"
	"github.com/itsubaki/q/quantum/gate"

	"github.com/qmlgo/qml/circuit"
)

// embed returns the 2^n × 2^n matrix of the k-qubit matrix m acting on
// qubits (qubits[0] is the least-significant bit of m's index), identity on
// the other qubits.
func embed(m []complex128, qubits []int, n int) []complex128 {
	dim, local := 1<<n, 1<<len(qubits)
	out := make([]complex128, dim*dim)
	for col := 0; col < dim; col++ {
		lc, rest := 0, col
		for i, q := range qubits {
			lc |= (col >> q & 1) << i
			rest &^= 1 << q
		}
		for lr := 0; lr < local; lr++ {
			row := rest
			for i, q := range qubits {
				row |= (lr >> i & 1) << q
			}
			out[row*dim+col] = m[lr*local+lc]
		}
	}
	return out
}

// unitaryOf multiplies the full matrices of c's gates under b (barriers are
// skipped; c must hold nothing else).
func unitaryOf(t *testing.T, c *circuit.Circuit, b circuit.Binding) []complex128 {
	t.Helper()
	u := identity(1 << c.NumQubits)
	for i := range c.Ops {
		op := &c.Ops[i]
		switch op.Kind {
		case circuit.BarrierOp:
		case circuit.GateOp:
			u = mul(embed(op.Matrix(b), op.Qubits, c.NumQubits), u)
		default:
			t.Fatalf("op %d is a %s", i, op.Name())
		}
	}
	return u
}

func TestEmbed(t *testing.T) {
	cx := gateRefs["cx"].m(nil)
	if d := maxDiff(embed(cx, []int{0, 1}, 2), cx); d != 0 {
		t.Errorf("embed(CX, [0 1]) differs from CX by %g", d)
	}
	// CX(1, 0): the control is bit 1, so |q1=1,q0=0⟩ = index 2 ↔ index 3.
	want := permutation(2, func(i int) int {
		if i>>1 == 1 {
			return i ^ 1
		}
		return i
	})
	if d := maxDiff(embed(cx, []int{1, 0}, 2), want); d != 0 {
		t.Errorf("embed(CX, [1 0]) wrong by %g", d)
	}
	// X on qubit 1 of 3 is I ⊗ X ⊗ I.
	if d := maxDiff(embed(refX, []int{1}, 3), kron(kron(refI, refX), refI)); d != 0 {
		t.Errorf("embed(X, [1], 3) wrong by %g", d)
	}
}

// buildCase builds a circuit and returns the error it should report.
type buildCase struct {
	name  string
	build func() error
	want  string // substring of the error; "" for none
}

func TestBuilderValidation(t *testing.T) {
	cregCircuit := func() (*circuit.Circuit, circuit.Register) {
		c := circuit.New(2)
		return c, c.AddCReg("c", 2)
	}
	chain := func(c *circuit.Circuit) error { return c.Err() }
	for _, tc := range []buildCase{
		{"valid", func() error { return chain(circuit.New(2).H(0).CX(0, 1).RX(1, circuit.Weight(0))) }, ""},
		{"negative qubit count", func() error { return chain(circuit.New(-1)) }, "negative qubit count"},
		{"empty register", func() error { c := circuit.New(1); c.AddQReg("a", 0); return c.Err() }, "size 0 must be positive"},
		{"empty creg", func() error { c := circuit.New(1); c.AddCReg("c", -2); return c.Err() }, "size -2 must be positive"},
		{"qubit out of range", func() error { return chain(circuit.New(2).H(2)) }, "qubit 2 out of range [0, 2)"},
		{"negative qubit", func() error { return chain(circuit.New(2).X(-1)) }, "qubit -1 out of range"},
		{"no qubits", func() error { return chain(circuit.New(0).H(0)) }, "qubit 0 out of range [0, 0)"},
		{"repeated qubit", func() error { return chain(circuit.New(3).CCX(0, 1, 0)) }, "qubit 0 used twice"},
		{"too few qubits", func() error { return chain(circuit.New(3).Gate("cx", []int{0})) }, "takes 2 qubits, got 1"},
		{"missing param", func() error { return chain(circuit.New(1).Gate("rx", []int{0})) }, "takes 1 parameters, got 0"},
		{"extra param", func() error { return chain(circuit.New(1).Gate("h", []int{0}, circuit.Const(1))) }, "takes 0 parameters, got 1"},
		{"unknown gate", func() error { return chain(circuit.New(1).Gate("hadamard", []int{0})) }, `unknown gate "hadamard"`},
		{"negative symbol", func() error { return chain(circuit.New(1).RY(0, circuit.Input(-1))) }, "negative symbol index -1"},
		{"non-unitary matrix", func() error { return chain(circuit.New(1).Unitary([]complex128{1, 1, 0, 1}, 0)) }, "not unitary"},
		{"nearly unitary matrix", func() error { return chain(circuit.New(1).Unitary([]complex128{1 + 1e-12, 0, 0, 1}, 0)) }, ""},
		{"wrong-size matrix", func() error { return chain(circuit.New(2).Unitary(identity(2), 0, 1)) }, "needs 16 entries, got 4"},
		{"matrix on no qubits", func() error { return chain(circuit.New(2).Unitary([]complex128{1})) }, "explicit unitary on 0 qubits"},
		{"matrix qubit repeated", func() error { return chain(circuit.New(2).Unitary(identity(4), 1, 1)) }, "qubit 1 used twice"},
		{"measure without clbits", func() error { return chain(circuit.New(1).Measure(0, 0)) }, "classical bit 0 out of range [0, 0)"},
		{"measure into missing clbit", func() error { c, _ := cregCircuit(); return chain(c.Measure(1, 2)) }, "classical bit 2 out of range [0, 2)"},
		{"measure two qubits", func() error {
			c, _ := cregCircuit()
			return c.Append(circuit.Op{Kind: circuit.MeasureOp, Qubits: []int{0, 1}})
		}, "acts on one qubit, got 2"},
		{"reset out of range", func() error { return chain(circuit.New(1).Reset(1)) }, "qubit 1 out of range"},
		{"barrier out of range", func() error { return chain(circuit.New(1).Barrier(0, 3)) }, "qubit 3 out of range"},
		{"unknown kind", func() error { return circuit.New(1).Append(circuit.Op{Kind: 42, Qubits: []int{0}}) }, "unknown op kind 42"},
		{"condition fits", func() error {
			c, r := cregCircuit()
			x, _ := circuit.Lookup("x")
			return c.Append(circuit.Op{Kind: circuit.GateOp, Gate: x, Qubits: []int{0}, Cond: &circuit.Condition{Reg: r, Value: 3}})
		}, ""},
		{"bad condition value", func() error {
			c, r := cregCircuit()
			x, _ := circuit.Lookup("x")
			return c.Append(circuit.Op{Kind: circuit.GateOp, Gate: x, Qubits: []int{0}, Cond: &circuit.Condition{Reg: r, Value: 4}})
		}, "condition value 4 does not fit register c of 2 bits"},
		{"condition register out of range", func() error {
			c, _ := cregCircuit()
			return c.Append(circuit.Op{Kind: circuit.ResetOp, Qubits: []int{0}, Cond: &circuit.Condition{Reg: circuit.Register{Name: "d", Start: 1, Size: 2}}})
		}, "condition register d out of range"},
		{"compose larger circuit", func() error { return chain(circuit.New(1).Compose(circuit.New(2).CX(0, 1))) }, "qubit 1 out of range [0, 1)"},
		{"compose failed circuit", func() error { return chain(circuit.New(2).Compose(circuit.New(1).H(4))) }, "qubit 4 out of range"},
	} {
		err := tc.build()
		switch {
		case tc.want == "" && err != nil:
			t.Errorf("%s: unexpected error %v", tc.name, err)
		case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
			t.Errorf("%s: error %v, want one containing %q", tc.name, err, tc.want)
		}
	}
}

// TestBuilderKeepsFirstError checks that a failed chain keeps its first error
// and ignores every later call.
func TestBuilderKeepsFirstError(t *testing.T) {
	c := circuit.New(2).H(0).H(5).Gate("nope", []int{0}).CX(0, 1).Measure(0, 3)
	c.AddQReg("a", 3)
	c.AddCReg("c", 1)
	c.MeasureAll().Reset(0).Barrier().Compose(circuit.New(1).X(0))
	if err := c.Err(); err == nil || !strings.Contains(err.Error(), "op 1 (h): qubit 5 out of range") {
		t.Fatalf("Err() = %v, want the first error (op 1, qubit 5)", c.Err())
	}
	if len(c.Ops) != 1 || c.NumQubits != 2 || c.NumClbits != 0 || len(c.QRegs) != 1 || len(c.CRegs) != 0 {
		t.Errorf("failed circuit changed: %d ops, %d qubits, %d clbits, %d qregs, %d cregs",
			len(c.Ops), c.NumQubits, c.NumClbits, len(c.QRegs), len(c.CRegs))
	}
	if err := c.Append(circuit.Op{Kind: circuit.BarrierOp, Qubits: []int{0}}); err != c.Err() {
		t.Errorf("Append on a failed circuit = %v, want %v", err, c.Err())
	}
	if err := c.CheckBinding(circuit.Binding{}); err != c.Err() {
		t.Errorf("CheckBinding on a failed circuit = %v, want %v", err, c.Err())
	}
	if _, err := c.Inverse(); err != c.Err() {
		t.Errorf("Inverse of a failed circuit: %v, want %v", err, c.Err())
	}
}

// TestAppendReturnsError checks that Append reports a bad op without
// poisoning the circuit.
func TestAppendReturnsError(t *testing.T) {
	c := circuit.New(2)
	h, _ := circuit.Lookup("h")
	if err := c.Append(circuit.Op{Kind: circuit.GateOp, Gate: h, Qubits: []int{2}}); err == nil || !strings.Contains(err.Error(), "op 0 (h)") {
		t.Errorf("Append(bad) = %v", err)
	}
	if c.Err() != nil || len(c.Ops) != 0 {
		t.Fatalf("Append(bad) changed the circuit: err %v, %d ops", c.Err(), len(c.Ops))
	}
	if err := c.Append(circuit.Op{Kind: circuit.GateOp, Gate: h, Qubits: []int{1}}); err != nil || len(c.Ops) != 1 {
		t.Errorf("Append(good) = %v with %d ops", err, len(c.Ops))
	}
}

func TestRegistersAndShorthands(t *testing.T) {
	c := circuit.New(2)
	a := c.AddQReg("a", 3)
	m := c.AddCReg("m", 1)
	c.H(0).X(1).Y(2).Z(3).S(4).Sdg(0).T(1).Tdg(2).SX(3).SXdg(4).I(0).
		RX(0, circuit.Const(1)).RY(1, circuit.Const(2)).RZ(2, circuit.Const(3)).P(3, circuit.Const(4)).
		U(4, circuit.Const(1), circuit.Const(2), circuit.Const(3)).
		CX(0, 1).CY(1, 2).CZ(2, 3).CH(3, 4).Swap(4, 0).ISwap(0, 2).
		CRX(1, 0, circuit.Const(1)).CRY(2, 1, circuit.Const(1)).CRZ(3, 2, circuit.Const(1)).CP(4, 3, circuit.Const(1)).
		CU3(0, 4, circuit.Const(1), circuit.Const(2), circuit.Const(3)).
		RXX(0, 1, circuit.Const(1)).RYY(1, 2, circuit.Const(1)).RZZ(2, 3, circuit.Const(1)).
		CCX(0, 1, 2).CSwap(2, 3, 4).Barrier().Reset(1).Measure(2, 0).MeasureAll()
	if err := c.Err(); err != nil {
		t.Fatal(err)
	}
	if a != (circuit.Register{Name: "a", Start: 2, Size: 3}) || m != (circuit.Register{Name: "m", Start: 0, Size: 1}) {
		t.Errorf("registers %v %v", a, m)
	}
	wantQ := []circuit.Register{{Name: "q", Start: 0, Size: 2}, a}
	wantC := []circuit.Register{m, {Name: "meas", Start: 1, Size: 5}}
	if c.NumQubits != 5 || c.NumClbits != 6 || !reflect.DeepEqual(c.QRegs, wantQ) || !reflect.DeepEqual(c.CRegs, wantC) {
		t.Errorf("sizes %d, %d; registers %v %v", c.NumQubits, c.NumClbits, c.QRegs, c.CRegs)
	}
	var names []string
	for _, op := range c.Ops {
		names = append(names, op.Name())
	}
	want := "h x y z s sdg t tdg sx sxdg id rx ry rz p u cx cy cz ch swap iswap crx cry crz cp cu3 rxx ryy rzz ccx cswap " +
		"barrier reset measure measure measure measure measure measure"
	if got := strings.Join(names, " "); got != want {
		t.Errorf("ops:\n got %s\nwant %s", got, want)
	}
	barrier := c.Ops[32]
	if !reflect.DeepEqual(barrier.Qubits, []int{0, 1, 2, 3, 4}) {
		t.Errorf("Barrier() covers %v, want every qubit", barrier.Qubits)
	}
	for i, op := range c.Ops[len(c.Ops)-5:] {
		if op.Qubits[0] != i || op.Clbit != 1+i {
			t.Errorf("MeasureAll op %d: qubit %d → clbit %d", i, op.Qubits[0], op.Clbit)
		}
	}
	if got := c.Ops[0].Angles(circuit.Binding{}); got != nil {
		t.Errorf("Angles of h = %v, want nil", got)
	}
}

func TestComposeAppends(t *testing.T) {
	c := circuit.New(3).H(0).Compose(circuit.New(2).CX(0, 1).RZ(1, circuit.Weight(2)))
	if c.Err() != nil || len(c.Ops) != 3 || c.Ops[2].Name() != "rz" || c.NumWeights() != 3 {
		t.Errorf("Compose: err %v, %d ops, %d weights", c.Err(), len(c.Ops), c.NumWeights())
	}
}

func TestSymbolCountsAndBinding(t *testing.T) {
	for _, tc := range []struct {
		name             string
		c                *circuit.Circuit
		weights, inputs  int
		okBind, shortBin circuit.Binding
	}{
		{"no symbols", circuit.New(1).RX(0, circuit.Const(1)), 0, 0, circuit.Binding{}, circuit.Binding{}},
		{"weights only", circuit.New(2).RX(0, circuit.Weight(4)).RY(1, circuit.Weight(1)), 5, 0,
			circuit.Binding{Weights: make([]float64, 5)}, circuit.Binding{Weights: make([]float64, 4)}},
		{"inputs only", circuit.New(1).RX(0, circuit.Input(0)), 0, 1,
			circuit.Binding{Inputs: []float64{1}}, circuit.Binding{Weights: []float64{1}}},
		{"mixed in one angle", circuit.New(1).U(0, circuit.Weight(0).Add(circuit.Input(2)), circuit.Const(0), circuit.Weight(3).Scale(2)), 4, 3,
			circuit.Binding{Weights: make([]float64, 4), Inputs: make([]float64, 7)}, circuit.Binding{Weights: make([]float64, 4), Inputs: make([]float64, 2)}},
		{"cancelled symbol", circuit.New(1).RX(0, circuit.Weight(7).Add(circuit.Weight(7).Scale(-1))), 0, 0, circuit.Binding{}, circuit.Binding{}},
	} {
		if tc.c.Err() != nil {
			t.Fatalf("%s: %v", tc.name, tc.c.Err())
		}
		if w, x := tc.c.NumWeights(), tc.c.NumInputs(); w != tc.weights || x != tc.inputs {
			t.Errorf("%s: NumWeights, NumInputs = %d, %d; want %d, %d", tc.name, w, x, tc.weights, tc.inputs)
		}
		if err := tc.c.CheckBinding(tc.okBind); err != nil {
			t.Errorf("%s: CheckBinding(%v) = %v", tc.name, tc.okBind, err)
		}
		short := tc.weights+tc.inputs > 0
		if err := tc.c.CheckBinding(tc.shortBin); (err != nil) != short {
			t.Errorf("%s: CheckBinding(%v) = %v, want error %v", tc.name, tc.shortBin, err, short)
		}
	}
}

// richCircuit uses every field Copy must duplicate.
func richCircuit() *circuit.Circuit {
	c := circuit.New(2)
	r := c.AddCReg("c", 2)
	c.H(0).RX(1, circuit.Weight(0).Scale(2).Add(circuit.Input(1))).Unitary(gateRefs["iswap"].m(nil), 0, 1).Measure(0, 1)
	x, _ := circuit.Lookup("x")
	if err := c.Append(circuit.Op{Kind: circuit.GateOp, Gate: x, Qubits: []int{1}, Cond: &circuit.Condition{Reg: r, Value: 2}}); err != nil {
		panic(err)
	}
	return c
}

func TestCopyIsDeep(t *testing.T) {
	c := richCircuit()
	d := c.Copy()
	if !reflect.DeepEqual(c, d) {
		t.Fatal("copy differs from the original")
	}
	d.QRegs[0].Size = 9
	d.CRegs[0].Name = "z"
	d.Ops[0].Qubits[0] = 1
	d.Ops[1].Params[0].Terms[0].Coef = 7
	d.Ops[1].Params[0].Const = 7
	d.Ops[2].Unitary[0] = 5
	d.Ops[4].Cond.Value = 1
	d.Ops[4].Cond.Reg.Size = 1
	d.H(1)
	if !reflect.DeepEqual(c, richCircuit()) {
		t.Error("changing the copy changed the original")
	}
}

// randomCircuit draws ops uniformly from the named gates that fit n qubits,
// with angles that are constants, affine in weights or inputs; it adds an
// explicit unitary and a barrier.
func randomCircuit(rng *rand.Rand, n, ops int) *circuit.Circuit {
	var names []string
	for _, name := range circuit.GateNames() {
		if g, _ := circuit.Lookup(name); g.Qubits <= n {
			names = append(names, name)
		}
	}
	c := circuit.New(n)
	for i := 0; i < ops; i++ {
		g, _ := circuit.Lookup(names[rng.IntN(len(names))])
		params := make([]circuit.Param, g.Params)
		for k := range params {
			switch rng.IntN(3) {
			case 0:
				params[k] = circuit.Const(randomAngles(rng, 1)[0])
			case 1:
				params[k] = circuit.Weight(rng.IntN(3)).Scale(rng.NormFloat64()).Offset(rng.NormFloat64())
			default:
				params[k] = circuit.Input(rng.IntN(2)).Add(circuit.Weight(rng.IntN(3)))
			}
		}
		c.Gate(g.Name, rng.Perm(n)[:g.Qubits], params...)
		if i == ops/2 {
			c.Barrier()
			k := 1 + rng.IntN(min(n, 2))
			c.Unitary(expmI(randomHermitian(rng, 1<<k), 1), rng.Perm(n)[:k]...)
		}
	}
	return c
}

func TestInverseUndoesCircuit(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	for n := 1; n <= 4; n++ {
		for trial := 0; trial < 4; trial++ {
			c := randomCircuit(rng, n, 12)
			if err := c.Err(); err != nil {
				t.Fatal(err)
			}
			inv, err := c.Inverse()
			if err != nil {
				t.Fatalf("n=%d trial %d: %v", n, trial, err)
			}
			if inv.NumQubits != n || len(inv.Ops) != len(c.Ops) {
				t.Fatalf("inverse has %d qubits, %d ops; want %d, %d", inv.NumQubits, len(inv.Ops), n, len(c.Ops))
			}
			b := circuit.Binding{Weights: randomAngles(rng, 3), Inputs: randomAngles(rng, 2)}
			if d := maxDiff(mul(unitaryOf(t, inv, b), unitaryOf(t, c, b)), identity(1<<n)); d > 1e-12 {
				t.Errorf("n=%d trial %d: inverse · circuit ≠ I (by %g)", n, trial, d)
			}
		}
	}
}

func TestInverseRefusesNonUnitary(t *testing.T) {
	if _, err := richCircuit().Inverse(); !errors.Is(err, circuit.ErrNotUnitary) {
		t.Errorf("Inverse with a measurement: %v", err)
	}
	if _, err := circuit.New(1).H(0).Reset(0).Inverse(); !errors.Is(err, circuit.ErrNotUnitary) {
		t.Errorf("Inverse with a reset: %v", err)
	}
	cond := circuit.New(1)
	r := cond.AddCReg("c", 1)
	h, _ := circuit.Lookup("h")
	if err := cond.Append(circuit.Op{Kind: circuit.GateOp, Gate: h, Qubits: []int{0}, Cond: &circuit.Condition{Reg: r, Value: 1}}); err != nil {
		t.Fatal(err)
	}
	if _, err := cond.Inverse(); !errors.Is(err, circuit.ErrNotUnitary) {
		t.Errorf("Inverse with a condition: %v", err)
	}
}

// qsimApply applies one named gate with itsubaki/q's own gate definitions,
// for the gates it offers.
var qsimApply = map[string]func(s *q.Q, b []q.Qubit, p []float64){
	"x":    func(s *q.Q, b []q.Qubit, _ []float64) { s.X(b[0]) },
	"y":    func(s *q.Q, b []q.Qubit, _ []float64) { s.Y(b[0]) },
	"z":    func(s *q.Q, b []q.Qubit, _ []float64) { s.Z(b[0]) },
	"h":    func(s *q.Q, b []q.Qubit, _ []float64) { s.H(b[0]) },
	"s":    func(s *q.Q, b []q.Qubit, _ []float64) { s.S(b[0]) },
	"t":    func(s *q.Q, b []q.Qubit, _ []float64) { s.T(b[0]) },
	"rx":   func(s *q.Q, b []q.Qubit, p []float64) { s.RX(p[0], b[0]) },
	"ry":   func(s *q.Q, b []q.Qubit, p []float64) { s.RY(p[0], b[0]) },
	"rz":   func(s *q.Q, b []q.Qubit, p []float64) { s.RZ(p[0], b[0]) },
	"p":    func(s *q.Q, b []q.Qubit, p []float64) { s.R(p[0], b[0]) },
	"u":    func(s *q.Q, b []q.Qubit, p []float64) { s.U(p[0], p[1], p[2], b[0]) },
	"cx":   func(s *q.Q, b []q.Qubit, _ []float64) { s.CX(b[0], b[1]) },
	"cy":   func(s *q.Q, b []q.Qubit, _ []float64) { s.C(gate.Y(), b[0], b[1]) },
	"cz":   func(s *q.Q, b []q.Qubit, _ []float64) { s.CZ(b[0], b[1]) },
	"ch":   func(s *q.Q, b []q.Qubit, _ []float64) { s.ControlledH(b[:1], b[1:]) },
	"cp":   func(s *q.Q, b []q.Qubit, p []float64) { s.CR(p[0], b[0], b[1]) },
	"crx":  func(s *q.Q, b []q.Qubit, p []float64) { s.C(gate.RX(p[0]), b[0], b[1]) },
	"cry":  func(s *q.Q, b []q.Qubit, p []float64) { s.C(gate.RY(p[0]), b[0], b[1]) },
	"crz":  func(s *q.Q, b []q.Qubit, p []float64) { s.C(gate.RZ(p[0]), b[0], b[1]) },
	"cu3":  func(s *q.Q, b []q.Qubit, p []float64) { s.CU(p[0], p[1], p[2], b[0], b[1]) },
	"swap": func(s *q.Q, b []q.Qubit, _ []float64) { s.Swap(b[0], b[1]) },
	"ccx":  func(s *q.Q, b []q.Qubit, _ []float64) { s.CCNOT(b[0], b[1], b[2]) },
	"c3x":  func(s *q.Q, b []q.Qubit, _ []float64) { s.CCCNOT(b[0], b[1], b[2], b[3]) },
}

// TestAgainstItsubakiQ runs random circuits of the gates itsubaki/q offers
// through both q and the test's dense product of Op matrices: a check of the
// qubit order (q puts its first qubit on the most-significant bit) and of
// the gate matrices in context.
func TestAgainstItsubakiQ(t *testing.T) {
	var names []string
	for name := range qsimApply {
		names = append(names, name)
	}
	slices.Sort(names) // a fixed order, so the seed fixes the circuits
	rng := rand.New(rand.NewPCG(13, 14))
	const n = 4
	for trial := 0; trial < 5; trial++ {
		c, s := circuit.New(n), q.New()
		qs := s.Zeros(n)
		for i := 0; i < 25; i++ {
			g := lookup(t, names[rng.IntN(len(names))])
			p := randomAngles(rng, g.Params)
			params := make([]circuit.Param, len(p))
			qubits := rng.Perm(n)[:g.Qubits]
			args := make([]q.Qubit, len(qubits))
			for k := range p {
				params[k] = circuit.Const(p[k])
			}
			for k, qb := range qubits {
				args[k] = qs[qb]
			}
			c.Gate(g.Name, qubits, params...)
			qsimApply[g.Name](s, args, p)
		}
		if c.Err() != nil {
			t.Fatal(c.Err())
		}
		u, amp := unitaryOf(t, c, circuit.Binding{}), s.Amplitude()
		worst := 0.0
		for i := 0; i < 1<<n; i++ {
			rev := 0
			for k := 0; k < n; k++ {
				rev |= (i >> k & 1) << (n - 1 - k)
			}
			worst = math.Max(worst, cmplx.Abs(u[i*(1<<n)]-amp[rev]))
		}
		if worst > 1e-12 {
			t.Errorf("trial %d: state differs from itsubaki/q by %g", trial, worst)
		}
	}
}
