package control

import (
	"strings"
	"testing"
)

func TestBasisLabels(t *testing.T) {
	got := BasisLabels([]int{2, 3})
	want := []string{"|00⟩", "|01⟩", "|10⟩", "|11⟩", "|20⟩", "|21⟩"}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("label %d = %s, want %s", i, got[i], want[i])
		}
	}
}

func TestWriteCSV(t *testing.T) {
	sys, obj := rabi(t, PWC{N: 2}, []float64{1, 2}, 0, 1)
	e, _ := NewEvaluator(Problem{System: sys, Duration: 1, Slices: 2, Objective: obj, Integrator: Magnus4})
	ev, _ := e.Evolve(e.Initial())
	var b strings.Builder
	if err := ev.WriteCSV(&b, BasisLabels([]int{2})); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(b.String()), "\n")
	if len(lines) != 3 || lines[0] != `t_start,t_end,0.5*X0.re,0.5*X0.im,P|0⟩,P|1⟩` || !strings.HasPrefix(lines[2], "0.5,1,2,0,") {
		t.Errorf("csv:\n%s", b.String())
	}
}
