package main

import (
	"encoding/json"
	"math"
	"testing"
)

// TestRunQASM3: qml run reads OpenQASM 3 by its header, with no flag: a
// GHZ state written with a loop and a modifier has P(000) = P(111) = 1/2.
func TestRunQASM3(t *testing.T) {
	path := writeQASM(t, "ghz3.qasm", `OPENQASM 3.0;
include "stdgates.inc";
qubit[3] q;
bit[3] c;
h q[0];
for uint i in [0:1] { ctrl @ x q[i], q[i+1]; }
c = measure q;
`)
	out, errOut, code := qml(t, "run", path, "--format", "json", "--shots", "100")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var rep struct {
		Probabilities []float64      `json:"probabilities"`
		Counts        map[string]int `json:"counts"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	for i, p := range rep.Probabilities {
		want := 0.0
		if i == 0 || i == 7 {
			want = 0.5
		}
		if math.Abs(p-want) > 1e-12 {
			t.Errorf("P(%d) = %g, want %g", i, p, want)
		}
	}
	if rep.Counts["000"]+rep.Counts["111"] != 100 {
		t.Errorf("counts %v", rep.Counts)
	}
}
