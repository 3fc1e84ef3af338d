package statevector

import (
	"testing"
	"time"

	"github.com/qmlgo/qml/circuit"
	"github.com/qmlgo/qml/internal/cputime"
)

// BenchmarkGHZ runs the 20-qubit GHZ preparation (H, then a CNOT ladder:
// 20 cheap gates) through RunWith on all threads, as `qml bench sim`
// does, so that any fixed cost of a run (compiling, starting workers,
// touching memory) shows against the 20 passes over the state it needs
// at most. It reports the best run's wall and processor time.
func BenchmarkGHZ(b *testing.B) {
	const n = 20
	c := circuit.New(n).H(0)
	for q := 1; q < n; q++ {
		c.CX(q-1, q)
	}
	s, err := New(n)
	if err != nil {
		b.Fatal(err)
	}
	best, bestCPU := time.Duration(1<<62), time.Duration(1<<62)
	for b.Loop() {
		s.Reset()
		start, cpu := time.Now(), cputime.Process()
		if err := s.RunWith(c, circuit.Binding{}, Options{Fusion: FusionAuto}); err != nil {
			b.Fatal(err)
		}
		best, bestCPU = min(best, time.Since(start)), min(bestCPU, cputime.Process()-cpu)
	}
	b.ReportMetric(best.Seconds()*1e3, "ms/circuit")
	b.ReportMetric(bestCPU.Seconds()*1e3, "cpu-ms/circuit")
}
