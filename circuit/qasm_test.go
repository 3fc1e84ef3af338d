package circuit

import (
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"testing/iotest"
)

// realDir holds the QASMBench programs shared by the project (see its
// README); tests that need them skip when it is absent.
const realDir = "../../shared/qasm-real"

func realFiles(t *testing.T) []string {
	t.Helper()
	if _, err := os.Stat(realDir); err != nil {
		t.Skipf("no real-world QASM files at %s: %v", realDir, err)
	}
	top, _ := filepath.Glob(filepath.Join(realDir, "*.qasm"))
	mid, _ := filepath.Glob(filepath.Join(realDir, "mid-circuit", "*.qasm"))
	files := append(top, mid...)
	if len(files) == 0 {
		t.Skipf("no .qasm files under %s", realDir)
	}
	return files
}

func testdataFiles(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("testdata", "*.qasm"))
	if err != nil || len(files) < 10 {
		t.Fatalf("expected at least 10 testdata/*.qasm files, found %d (%v)", len(files), err)
	}
	return files
}

func readFile(t *testing.T, path string) *Circuit {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	c, err := ReadQASM(f, filepath.Base(path))
	if err != nil {
		t.Fatalf("ReadQASM(%s): %v", path, err)
	}
	return c
}

// describe writes an op without its angles: "cx 2,0", "measure 1->3",
// "if(c0==1) z 2", so expected op lists can be written by hand.
func describe(c *Circuit, op Op) string {
	var sb strings.Builder
	if op.Cond != nil {
		fmt.Fprintf(&sb, "if(%s==%d) ", op.Cond.Reg.Name, op.Cond.Value)
	}
	sb.WriteString(op.Name())
	q := make([]string, len(op.Qubits))
	for i, x := range op.Qubits {
		q[i] = fmt.Sprint(x)
	}
	sb.WriteString(" " + strings.Join(q, ","))
	if op.Kind == MeasureOp {
		fmt.Fprintf(&sb, "->%d", op.Clbit)
	}
	return sb.String()
}

func describeAll(c *Circuit) []string {
	out := make([]string, len(c.Ops))
	for i, op := range c.Ops {
		out[i] = describe(c, op)
	}
	return out
}

// gateCounts counts the ops of c by name.
func gateCounts(c *Circuit) map[string]int {
	m := map[string]int{}
	for _, op := range c.Ops {
		m[op.Name()]++
	}
	return m
}

// sameCircuit reports the first difference between a and b: registers,
// sizes, and op by op the kind, gate, qubits, angles within 1e-12, classical
// bit and condition.
func sameCircuit(a, b *Circuit) error {
	switch {
	case a.NumQubits != b.NumQubits || a.NumClbits != b.NumClbits:
		return fmt.Errorf("sizes %d/%d vs %d/%d", a.NumQubits, a.NumClbits, b.NumQubits, b.NumClbits)
	case !reflect.DeepEqual(a.QRegs, b.QRegs) || !reflect.DeepEqual(a.CRegs, b.CRegs):
		return fmt.Errorf("registers %v %v vs %v %v", a.QRegs, a.CRegs, b.QRegs, b.CRegs)
	case len(a.Ops) != len(b.Ops):
		return fmt.Errorf("%d ops vs %d", len(a.Ops), len(b.Ops))
	}
	for i := range a.Ops {
		x, y := a.Ops[i], b.Ops[i]
		if x.Kind != y.Kind || x.Gate != y.Gate || !reflect.DeepEqual(x.Qubits, y.Qubits) || x.Clbit != y.Clbit ||
			len(x.Params) != len(y.Params) || (x.Cond == nil) != (y.Cond == nil) || x.Unitary != nil || y.Unitary != nil {
			return fmt.Errorf("op %d: %s vs %s", i, describe(a, x), describe(b, y))
		}
		for k := range x.Params {
			if !x.Params[k].Equal(y.Params[k], 1e-12) {
				return fmt.Errorf("op %d (%s): angle %d: %v vs %v", i, x.Name(), k, x.Params[k], y.Params[k])
			}
		}
		if x.Cond != nil && *x.Cond != *y.Cond {
			return fmt.Errorf("op %d: condition %+v vs %+v", i, *x.Cond, *y.Cond)
		}
	}
	return nil
}

// roundTrip writes c and reads it back.
func roundTrip(t *testing.T, c *Circuit) *Circuit {
	t.Helper()
	var sb strings.Builder
	if err := WriteQASM(&sb, c); err != nil {
		t.Fatalf("WriteQASM: %v", err)
	}
	back, err := ParseQASM(sb.String(), "written.qasm")
	if err != nil {
		t.Fatalf("reading back: %v\n%s", err, sb.String())
	}
	if err := sameCircuit(c, back); err != nil {
		t.Fatalf("round trip differs: %v", err)
	}
	return back
}

// TestReadQASMRealFiles reads every QASMBench program and writes it back.
func TestReadQASMRealFiles(t *testing.T) {
	for _, f := range realFiles(t) {
		t.Run(filepath.Base(f), func(t *testing.T) {
			c := readFile(t, f)
			if c.NumQubits == 0 || len(c.Ops) == 0 {
				t.Fatalf("empty circuit: %d qubits, %d ops", c.NumQubits, len(c.Ops))
			}
			roundTrip(t, c)
		})
	}
}

// TestReadQASMRealCounts checks sizes and op counts of a few QASMBench
// programs, counted by hand from the files (inlined gates included).
func TestReadQASMRealCounts(t *testing.T) {
	realFiles(t)
	for _, tc := range []struct {
		file           string
		qubits, clbits int
		ops            int
		counts         map[string]int
	}{
		// x, h, h, cx, h and two measures.
		{"deutsch_n2.qasm", 2, 2, 7, map[string]int{"x": 1, "h": 3, "cx": 1, "measure": 2}},
		// x a[0]; x b (4); 4 majority (3 ops each); cx; 4 unmaj (3 each); 5 measures.
		{"adder_n10.qasm", 10, 5, 35, map[string]int{"x": 5, "cx": 17, "ccx": 8, "measure": 5}},
		// 2 x, a barrier, 4 h, 6 cu1, measure q -> c (4).
		{"qft_n4.qasm", 4, 4, 17, map[string]int{"x": 2, "barrier": 1, "h": 4, "cu1": 6, "measure": 4}},
		// u3, cH inlined (11 ops: h sdg cx h t cx t h s x s), ccx, x, x, cx, 3 measures.
		{"wstate_n3.qasm", 3, 3, 19, map[string]int{"u3": 1, "h": 3, "sdg": 1, "cx": 3, "t": 2, "s": 2, "x": 3, "ccx": 1, "measure": 3}},
		// syndrome inlined (4 cx), measure a -> syn (2), 3 ifs, measure q -> c (3).
		{"mid-circuit/qec_sm_n5.qasm", 5, 5, 14, map[string]int{"x": 4, "barrier": 1, "cx": 4, "measure": 5}},
	} {
		c := readFile(t, filepath.Join(realDir, tc.file))
		if c.NumQubits != tc.qubits || c.NumClbits != tc.clbits || len(c.Ops) != tc.ops {
			t.Errorf("%s: %d qubits, %d clbits, %d ops; want %d, %d, %d", tc.file, c.NumQubits, c.NumClbits, len(c.Ops), tc.qubits, tc.clbits, tc.ops)
		}
		if got := gateCounts(c); !reflect.DeepEqual(got, tc.counts) {
			t.Errorf("%s: counts %v, want %v", tc.file, got, tc.counts)
		}
	}
}

// TestReadQASMRealDetails checks registers, broadcasting, conditions and
// angles in QASMBench files against their text.
func TestReadQASMRealDetails(t *testing.T) {
	realFiles(t)
	adder := readFile(t, filepath.Join(realDir, "adder_n10.qasm"))
	wantRegs := []Register{{"cin", 0, 1}, {"a", 1, 4}, {"b", 5, 4}, {"cout", 9, 1}}
	if !reflect.DeepEqual(adder.QRegs, wantRegs) {
		t.Errorf("adder registers %v, want %v", adder.QRegs, wantRegs)
	}
	// "x a[0]; x b;" then "majority cin[0],b[0],a[0]" = cx c,b; cx c,a; ccx a,b,c.
	want := []string{"x 1", "x 5", "x 6", "x 7", "x 8", "cx 1,5", "cx 1,0", "ccx 0,5,1"}
	if got := describeAll(adder)[:len(want)]; !reflect.DeepEqual(got, want) {
		t.Errorf("adder starts %v, want %v", got, want)
	}

	qft := readFile(t, filepath.Join(realDir, "qft_n4.qasm"))
	// "cu1(pi/8) q[3],q[0];" is op 9.
	if op := qft.Ops[9]; describe(qft, op) != "cu1 3,0" || math.Abs(op.Params[0].Const-math.Pi/8) > 1e-15 {
		t.Errorf("qft op 9 = %s %v, want cu1(pi/8) 3,0", describe(qft, op), op.Params)
	}

	shor := readFile(t, filepath.Join(realDir, "mid-circuit", "shor_n5.qasm"))
	// "if(c==3) u1(3*pi/4) q[4];"
	var found bool
	for _, op := range shor.Ops {
		if op.Cond != nil && op.Cond.Value == 3 {
			found = true
			if op.Cond.Reg != (Register{"c", 0, 5}) || describe(shor, op) != "if(c==3) u1 4" || math.Abs(op.Params[0].Const-3*math.Pi/4) > 1e-15 {
				t.Errorf("shor: %s %+v %v", describe(shor, op), op.Cond, op.Params)
			}
		}
	}
	if !found || gateCounts(shor)["reset"] != 2 {
		t.Errorf("shor: condition found %v, %d resets; want true, 2", found, gateCounts(shor)["reset"])
	}

	pea := readFile(t, filepath.Join(realDir, "pea_n5.qasm"))
	// "u1 (-3*pi/8) t;" inside cu1fixed, inside ctu.
	for _, op := range pea.Ops {
		if op.Name() == "u1" {
			if v := op.Params[0].Const; math.Abs(math.Abs(v)-3*math.Pi/8) > 1e-15 {
				t.Errorf("pea: u1 angle %v, want ±3π/8", v)
			}
		}
	}

	vqe := readFile(t, filepath.Join(realDir, "vqe_n4.qasm"))
	for _, op := range vqe.Ops {
		for _, p := range op.Params {
			if !p.IsConst() {
				t.Errorf("vqe: symbolic angle %v", p)
			}
		}
	}
}

// TestReadQASMNonstandard: a missing header is accepted; measuring an
// undeclared register is an error at its line and column.
func TestReadQASMNonstandard(t *testing.T) {
	realFiles(t)
	sat := readFile(t, filepath.Join(realDir, "nonstandard", "sat_n11.qasm"))
	if sat.NumQubits != 11 || sat.NumClbits != 4 {
		t.Errorf("sat_n11: %d qubits %d clbits, want 11, 4", sat.NumQubits, sat.NumClbits)
	}
	roundTrip(t, sat)

	src, err := os.ReadFile(filepath.Join(realDir, "nonstandard", "vqe_uccsd_n4.qasm"))
	if err != nil {
		t.Fatal(err)
	}
	_, err = ParseQASM(string(src), "vqe_uccsd_n4.qasm")
	// Line 225 is "measure q[0] -> c[0];", the first use of q; q starts at column 9.
	const want = "vqe_uccsd_n4.qasm:225:9: undeclared register q"
	if err == nil || err.Error() != want {
		t.Errorf("vqe_uccsd_n4: error %v, want %s", err, want)
	}
	var pe *ParseError
	if !errors.As(err, &pe) || pe.Line != 225 || pe.Column != 9 {
		t.Errorf("vqe_uccsd_n4: error %#v is not a ParseError at 225:9", err)
	}
}

// TestReadQASMTestdata checks the structure of each testdata program against
// what its text says, then round-trips it.
func TestReadQASMTestdata(t *testing.T) {
	type check struct {
		qubits, clbits int
		ops            []string // every op, described
		counts         map[string]int
	}
	cases := map[string]check{
		"nested_gates.qasm": {3, 3, []string{
			// pair(0.3, 0.5) q[0],q[1],q[2]: mycrz on 0,1; mycrz on 1,2; h 0.
			"rz 1", "cx 0,1", "rz 1", "cx 0,1", "rz 2", "cx 1,2", "rz 2", "cx 1,2", "h 0",
			// block q[2],q[1],q[0]: pair on 2,1,0 then barrier 2,0.
			"rz 1", "cx 2,1", "rz 1", "cx 2,1", "rz 0", "cx 1,0", "rz 0", "cx 1,0", "h 2", "barrier 2,0",
			"measure 0->0", "measure 1->1", "measure 2->2"}, nil},
		"registers.qasm": {7, 6, []string{
			"h 2", "h 3", "h 4", "h 5", "cx 2,0", "cx 2,1", "ccx 0,6,3", "ccx 1,6,3", "swap 0,4", "swap 1,4",
			"barrier 0,1,5,6", "measure 2->2", "measure 3->3", "measure 4->4", "measure 5->5", "measure 1->0",
			"reset 0", "reset 1"}, nil},
		"expressions.qasm":   {1, 0, nil, map[string]int{"rz": 12, "u3": 2, "u1": 1, "rx": 1}},
		"crlf_comments.qasm": {2, 2, []string{"h 0", "cx 0,1", "u1 1", "measure 0->0", "measure 1->1"}, nil},
		"conditional.qasm": {3, 5, []string{
			"u3 0", "h 1", "cx 1,2", "barrier 0,1,2", "cx 0,1", "h 0", "measure 0->0", "measure 1->1",
			"if(c0==1) z 2", "if(c1==1) x 2", "if(c1==1) reset 0", "if(c0==0) measure 1->3",
			"reset 0", "reset 1", "reset 2", "measure 0->2", "measure 1->3", "measure 2->4"}, nil},
		// 39 registered gates once each, u0 as u3, rccx (9 ops), rc3x (18 ops).
		"qelib1_all.qasm": {5, 0, nil, nil},
		"builtins_noheader.qasm": {4, 2, []string{
			"h 0", "cx 0,2", "cx 0,2", "cx 1,3", "u3 2", "u3 3", "u3 1", "x 3", "cx 3,0", "measure 2->0", "measure 3->1"}, nil},
		"opaque_barrier.qasm": {3, 3, []string{
			"ry 0", "ry 1", "ry 2", "barrier 0,1,2", "cz 0,1", "cz 1,2",
			"ry 2", "ry 0", "ry 1", "barrier 2,0,1", "cz 2,0", "cz 0,1",
			"ryy 0,2", "id 1", "u3 2", "barrier 0,1,2", "measure 0->0"}, nil},
		"extras.qasm":          {2, 0, []string{"ryy 0,1", "iswap 1,0"}, nil},
		"compat_redefine.qasm": {2, 0, []string{"rzz 0,1", "cu1 1,0", "sxdg 0", "csx 0,1"}, nil},
		"qft_user.qasm": {3, 3, []string{"x 0", "x 1", "x 2",
			"h 2", "cp 1,2", "cp 0,2", "h 1", "cp 0,1", "h 0", "swap 0,2", "measure 0->0", "measure 1->1", "measure 2->2"}, nil},
		"ghz_if.qasm": {5, 5, []string{"h 0", "cx 0,1", "cx 1,2", "cx 2,3", "cx 0,4", "cx 1,4", "cx 2,4", "cx 3,4",
			"measure 4->0", "if(syn==1) x 4", "if(syn==1) u3 4", "measure 0->1", "measure 1->2", "measure 2->3", "measure 3->4"}, nil},
	}
	files := testdataFiles(t)
	for _, f := range files {
		name := filepath.Base(f)
		t.Run(name, func(t *testing.T) {
			c := readFile(t, f)
			want, ok := cases[name]
			if !ok {
				t.Fatalf("no expectations for %s", name)
			}
			if c.NumQubits != want.qubits || c.NumClbits != want.clbits {
				t.Errorf("%d qubits %d clbits, want %d, %d", c.NumQubits, c.NumClbits, want.qubits, want.clbits)
			}
			if want.ops != nil && !reflect.DeepEqual(describeAll(c), want.ops) {
				t.Errorf("ops\n got %q\nwant %q", describeAll(c), want.ops)
			}
			if want.counts != nil && !reflect.DeepEqual(gateCounts(c), want.counts) {
				t.Errorf("counts %v, want %v", gateCounts(c), want.counts)
			}
			roundTrip(t, c)
		})
	}
	if len(files) != len(cases) {
		t.Errorf("%d testdata files, %d expectations", len(files), len(cases))
	}
}

// TestReadQASMAngles checks the angles of expressions.qasm and
// nested_gates.qasm against the arithmetic done by hand.
func TestReadQASMAngles(t *testing.T) {
	e := readFile(t, filepath.Join("testdata", "expressions.qasm"))
	want := [][]float64{
		{1.5e-3}, {-25}, {0.5}, {3}, {512}, {-4}, {0.5}, {1.5}, {math.E / 2}, {7}, {-0.6},
		{math.Pi / 2, -math.Pi / 4, 3 * math.Pi / 8}, {-3 * math.Pi / 8}, {math.Pi / 2},
		{9, 2, -0.75}, {12.001},
	}
	for i, op := range e.Ops {
		a := op.Angles(Binding{})
		for k := range a {
			if math.Abs(a[k]-want[i][k]) > 1e-12 {
				t.Errorf("expressions op %d (%s) angle %d = %v, want %v", i, op.Name(), k, a[k], want[i][k])
			}
		}
	}
	n := readFile(t, filepath.Join("testdata", "nested_gates.qasm"))
	// pair(0.3, 0.5): ±0.15 then ±(2·0.5−0.3)/2; block: ±π/4 then 0.
	rz := []float64{0.15, -0.15, 0.35, -0.35, math.Pi / 4, -math.Pi / 4, 0, 0}
	k := 0
	for _, op := range n.Ops {
		if op.Name() == "rz" {
			if math.Abs(op.Params[0].Const-rz[k]) > 1e-15 {
				t.Errorf("nested rz %d = %v, want %v", k, op.Params[0].Const, rz[k])
			}
			k++
		}
	}
}

// TestQelib1AllCounts: every gate of qelib1.inc applies, registered ones as
// themselves and the rest inlined.
func TestQelib1AllCounts(t *testing.T) {
	c := readFile(t, filepath.Join("testdata", "qelib1_all.qasm"))
	counts := gateCounts(c)
	for _, name := range qelib1Registered {
		want := 1
		switch name {
		case "u3":
			want = 2 // u3 itself and u0
		case "u2":
			want = 1 + 2 + 4 // rccx has 2, rc3x 4
		case "u1":
			want = 1 + 4 + 8
		case "cx":
			want = 1 + 3 + 6
		}
		if counts[name] != want {
			t.Errorf("%s applied %d times, want %d", name, counts[name], want)
		}
	}
	if len(c.Ops) != 39+1+9+18 {
		t.Errorf("%d ops, want %d", len(c.Ops), 39+1+9+18)
	}
}

// TestWriteQASM checks the text written for a small circuit.
func TestWriteQASM(t *testing.T) {
	c := New(2)
	m := c.AddCReg("m", 2)
	c.H(0).CX(0, 1).RZ(1, Const(0.1)).Barrier().Measure(0, 0).Reset(1)
	if err := c.Append(Op{Kind: GateOp, Gate: mustLookup(t, "ryy"), Qubits: []int{1, 0}, Params: []Param{Const(-1e-07)}, Cond: &Condition{Reg: m, Value: 2}}); err != nil {
		t.Fatal(err)
	}
	var sb strings.Builder
	if err := WriteQASM(&sb, c); err != nil {
		t.Fatal(err)
	}
	want := "OPENQASM 2.0;\ninclude \"qelib1.inc\";\n" + extraDefinitions["ryy"] + "\n" +
		"qreg q[2];\ncreg m[2];\nh q[0];\ncx q[0],q[1];\nrz(0.1) q[1];\nbarrier q[0],q[1];\n" +
		"measure q[0] -> m[0];\nreset q[1];\nif(m==2) ryy(-1e-07) q[1],q[0];\n"
	if sb.String() != want {
		t.Errorf("got\n%s\nwant\n%s", sb.String(), want)
	}
	roundTrip(t, c)
}

func mustLookup(t *testing.T, name string) *GateSpec {
	t.Helper()
	g, ok := Lookup(name)
	if !ok {
		t.Fatalf("gate %s not registered", name)
	}
	return g
}

// TestWriteQASMEveryGate: every registered gate can be written and read
// back as itself, so no gate is lost on the way through a file.
func TestWriteQASMEveryGate(t *testing.T) {
	for _, name := range GateNames() {
		g := mustLookup(t, name)
		c := New(g.Qubits + 1)
		c.AddCReg("c", 1)
		qubits := make([]int, g.Qubits)
		for i := range qubits {
			qubits[i] = g.Qubits - i // reversed, to catch a swapped order
		}
		params := make([]Param, g.Params)
		for i := range params {
			params[i] = Const(0.1 + float64(i)/3)
		}
		c.Gate(name, qubits, params...)
		if c.Err() != nil {
			t.Fatal(c.Err())
		}
		t.Run(name, func(t *testing.T) { roundTrip(t, c) })
	}
}

// TestWriteQASMErrors: what OpenQASM 2.0 cannot say is refused, and nothing
// is written.
func TestWriteQASMErrors(t *testing.T) {
	for _, tc := range []struct {
		name  string
		build func() *Circuit
		want  string
	}{
		{"unitary", func() *Circuit { return New(1).Unitary([]complex128{0, 1, 1, 0}, 0) }, "explicit unitary"},
		{"weight", func() *Circuit { return New(1).RX(0, Weight(2)) }, "symbolic (θ[2])"},
		{"input", func() *Circuit { return New(1).RY(0, Input(0).Scale(2).Offset(1)) }, "symbolic (2*x[0] + 1)"},
		{"bad register name", func() *Circuit {
			c := &Circuit{}
			c.AddQReg("q-1", 2)
			return c.H(0)
		}, `register name "q-1" is not an OpenQASM 2.0 identifier`},
		{"keyword register", func() *Circuit {
			c := &Circuit{}
			c.AddQReg("q", 1)
			c.AddCReg("measure", 1)
			return c.Measure(0, 0)
		}, `register name "measure"`},
		{"duplicate register", func() *Circuit {
			c := &Circuit{}
			c.AddQReg("r", 1)
			c.AddCReg("r", 1)
			return c
		}, "two registers are named r"},
		{"condition on part of a register", func() *Circuit {
			c := New(1)
			c.AddCReg("c", 2)
			c.Append(Op{Kind: GateOp, Gate: mustLookup(t, "x"), Qubits: []int{0}, Cond: &Condition{Reg: Register{"c", 1, 1}, Value: 1}})
			return c
		}, "no declared classical register"},
		{"failed circuit", func() *Circuit { return New(1).H(3) }, "out of range"},
	} {
		var sb strings.Builder
		err := WriteQASM(&sb, tc.build())
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want it to contain %q", tc.name, err, tc.want)
		}
		if sb.Len() != 0 {
			t.Errorf("%s: wrote %q despite the error", tc.name, sb.String())
		}
	}
}

// TestWriteQASMDefaultRegisters: a circuit without registers gets q and c.
func TestWriteQASMDefaultRegisters(t *testing.T) {
	c := &Circuit{NumQubits: 2, NumClbits: 1}
	c.CX(1, 0).Measure(0, 0)
	var sb strings.Builder
	if err := WriteQASM(&sb, c); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(sb.String(), "qreg q[2];\ncreg c[1];\ncx q[1],q[0];\nmeasure q[0] -> c[0];\n") {
		t.Errorf("got\n%s", sb.String())
	}
	back, err := ParseQASM(sb.String(), "")
	if err != nil || describeAll(back)[0] != "cx 1,0" {
		t.Errorf("read back: %v %v", err, back)
	}
}

// BenchmarkReadQASM reads the largest QASMBench program of the set.
func BenchmarkReadQASM(b *testing.B) {
	src, err := os.ReadFile(filepath.Join(realDir, "gcm_h6.qasm"))
	if err != nil {
		b.Skip(err)
	}
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		if _, err := ParseQASM(string(src), "gcm_h6.qasm"); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkWriteQASM writes the same program.
func BenchmarkWriteQASM(b *testing.B) {
	src, err := os.ReadFile(filepath.Join(realDir, "gcm_h6.qasm"))
	if err != nil {
		b.Skip(err)
	}
	c, err := ParseQASM(string(src), "gcm_h6.qasm")
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		var sb strings.Builder
		if err := WriteQASM(&sb, c); err != nil {
			b.Fatal(err)
		}
	}
}

// TestQASMIOErrors: read and write failures of the stream come back wrapped.
func TestQASMIOErrors(t *testing.T) {
	broken := errors.New("disk on fire")
	if _, err := ReadQASM(iotest.ErrReader(broken), "f.qasm"); !errors.Is(err, broken) || !strings.HasPrefix(err.Error(), "f.qasm: ") {
		t.Errorf("ReadQASM: %v, want f.qasm: %v", err, broken)
	}
	if err := WriteQASM(failingWriter{broken}, New(1).H(0)); !errors.Is(err, broken) {
		t.Errorf("WriteQASM: %v, want %v", err, broken)
	}
}

type failingWriter struct{ err error }

func (w failingWriter) Write([]byte) (int, error) { return 0, w.err }
