package circuit

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzReadQASM: no input panics; every error is a located ParseError; and
// every program that reads writes back and reads again to the same circuit.
// The seed corpus is the testdata programs, the QASMBench mid-circuit
// programs when present, and the corners of the grammar below.
func FuzzReadQASM(f *testing.F) {
	seeds, _ := filepath.Glob(filepath.Join("testdata", "*.qasm"))
	// Of the QASMBench programs only the small mid-circuit ones: the fuzzer
	// minimises what it finds, which takes long on thousand-line seeds.
	mid, _ := filepath.Glob(filepath.Join(realDir, "mid-circuit", "*.qasm"))
	seeds = append(seeds, mid...)
	fuzzRoundTrip(f, ParseQASM, WriteQASM, seeds, []string{
		"",
		"OPENQASM 2.0;",
		"qreg q[1]; U(1e-3, -pi/2^2, sin(.5)) q; CX q[0], q[0];",
		"include \"qelib1.inc\"; qreg q[2]; creg c[2]; if (c == 3) cu(1,2,3,4) q[1], q[0];",
		"gate g(a) x, y { rx(a) x; barrier x, y; } qreg q[4]; g(1) q, q;",
		"opaque o x; gate g x { o x; } qreg q[1]; g q[0];",
		"/* */ qreg q[1]; creg c[1]; measure q -> c; reset q; barrier q;",
		// hostile: deep expressions, wide registers, doubling gates
		"qreg q[1]; rx(" + strings.Repeat("(", 100000) + ") q[0];",
		"qreg q[65536]; creg c[65536]; h q; measure q -> c; barrier q, q;",
		"gate a x { U(0,0,0) x; U(0,0,0) x; } gate b x { a x; a x; } gate c x { b x; b x; } qreg q[9]; c q;",
	})
}

// fuzzRoundTrip fuzzes a reader and writer of one OpenQASM version, seeded
// with the files and the corners: no input panics; every error is a
// located ParseError; and a program that reads writes back (unless it
// holds explicit unitaries, which the writers refuse) and reads again to
// the same circuit.
func fuzzRoundTrip(f *testing.F, parse func(src, file string) (*Circuit, error), write func(io.Writer, *Circuit) error, files, corners []string) {
	for _, path := range files {
		src, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(src))
	}
	for _, s := range corners {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		c, err := parse(src, "fuzz.qasm")
		if err != nil {
			var pe *ParseError
			if !errors.As(err, &pe) || pe.File != "fuzz.qasm" || pe.Line < 1 || pe.Column < 1 {
				t.Fatalf("error %v is not a located ParseError", err)
			}
			return
		}
		var sb strings.Builder
		if err := write(&sb, c); err != nil {
			for _, op := range c.Ops {
				if op.Kind == GateOp && op.Gate == nil {
					return
				}
			}
			t.Fatalf("writing a program that read: %v", err)
		}
		back, err := parse(sb.String(), "written.qasm")
		if err != nil {
			t.Fatalf("reading back %q: %v", sb.String(), err)
		}
		if err := sameCircuit(c, back); err != nil {
			t.Fatalf("round trip differs: %v", err)
		}
	})
}
