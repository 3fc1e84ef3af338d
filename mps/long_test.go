package mps_test

import (
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/qmlgo/qml/circuit"
	"github.com/qmlgo/qml/internal/cputime"
	"github.com/qmlgo/qml/mps"
	"github.com/qmlgo/qml/statevector"
)

// The measurements below take minutes; they run with QML_LONG=1 and print
// tables for the README:
//
//	QML_LONG=1 go test ./mps/ -run 'Crossover|CostScaling' -v -timeout 60m

func skipUnlessLong(t *testing.T) {
	if os.Getenv("QML_LONG") == "" {
		t.Skip("set QML_LONG=1 to run")
	}
}

// layers returns the brickwork circuit of depth `depth` on n qubits split
// into one circuit per layer (same gates as brickwork(rng, n, depth)).
func brickworkLayers(rng *rand.Rand, n, depth int) []*circuit.Circuit {
	full := brickwork(rng, n, depth)
	var out []*circuit.Circuit
	perLayer := func(l int) int { return n + (n-l%2)/2 }
	i := 0
	for l := range depth {
		c := circuit.New(n)
		for range perLayer(l) {
			if err := c.Append(full.Ops[i]); err != nil {
				panic(err)
			}
			i++
		}
		out = append(out, c)
	}
	return out
}

// cumulativeTimes runs the layers on run and returns the wall and CPU time
// elapsed after each checkpoint depth, stopping once the wall time passes
// budget (later entries are then negative).
func cumulativeTimes(layers []*circuit.Circuit, checkpoints []int, budget time.Duration, run func(*circuit.Circuit) error) (wall, cpu []time.Duration, err error) {
	wall, cpu = make([]time.Duration, len(checkpoints)), make([]time.Duration, len(checkpoints))
	for i := range wall {
		wall[i], cpu[i] = -1, -1
	}
	var total, totalCPU time.Duration
	k := 0
	for l, c := range layers {
		t0, c0 := time.Now(), cputime.Process()
		if err := run(c); err != nil {
			return nil, nil, err
		}
		total += time.Since(t0)
		totalCPU += cputime.Process() - c0
		if k < len(checkpoints) && l+1 == checkpoints[k] {
			wall[k], cpu[k] = total, totalCPU
			k++
		}
		if total > budget && k > 0 {
			break
		}
	}
	return wall, cpu, nil
}

// TestCrossoverTable measures, in one run, the state vector against the MPS
// at exact χ (unbounded, default cutoff) on brickwork circuits (Haar
// single-qubit layers, cz brickwork) with n = 16…28 qubits and depth
// 4…20, timing each depth as a prefix of one depth-20 run. Cells that would
// run past the per-row budget are left blank. It also prints the fitted
// constants of the time models that `qml run --backend auto` compares:
// t_sv = a·gates·2^n and t_mps = b·Work(EstimateCost).
func TestCrossoverTable(t *testing.T) {
	skipUnlessLong(t)
	sizes := []int{16, 20, 24, 28}
	depths := []int{4, 8, 12, 16, 20}
	const budget = 60 * time.Second
	var tbl strings.Builder
	fmt.Fprintf(&tbl, "| n | depth | statevector wall (cpu) | mps exact χ wall (cpu) | max bond | faster | auto picks |\n|---|---|---|---|---|---|---|\n")
	agree, cells := 0, 0
	var svRatio, mpsRatio []float64
	for _, n := range sizes {
		layers := brickworkLayers(rand.New(rand.NewPCG(uint64(n), 20)), n, 20)
		sv, err := statevector.New(n)
		if err != nil {
			t.Fatal(err)
		}
		svT, svC, err := cumulativeTimes(layers, depths, budget, func(c *circuit.Circuit) error { return sv.Run(c, circuit.Binding{}) })
		if err != nil {
			t.Fatal(err)
		}
		s, err := mps.New(n, mps.Options{})
		if err != nil {
			t.Fatal(err)
		}
		var bonds []int
		mpsT, mpsC, err := cumulativeTimes(layers, depths, budget, func(c *circuit.Circuit) error {
			err := s.Run(c, circuit.Binding{})
			bonds = append(bonds, s.Report().MaxBond)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		for k, d := range depths {
			full := circuit.New(n)
			for _, c := range layers[:d] {
				full.Compose(c)
			}
			pred, err := mps.Predict(full, mps.Options{})
			if err != nil {
				t.Fatal(err)
			}
			cost := pred.Cost
			pick := "statevector"
			if pred.MPS < pred.StateVector {
				pick = "mps"
			}
			cell := func(x, c time.Duration) string {
				if x < 0 {
					return "—"
				}
				return fmt.Sprintf("%.3g s (%.3g s)", x.Seconds(), c.Seconds())
			}
			faster := "?"
			switch {
			case svT[k] >= 0 && mpsT[k] >= 0 && svT[k] < mpsT[k], svT[k] >= 0 && mpsT[k] < 0:
				faster = "statevector"
			case mpsT[k] >= 0:
				faster = "mps"
			}
			bond := "—"
			if mpsT[k] >= 0 {
				bond = fmt.Sprint(bonds[d-1])
			}
			fmt.Fprintf(&tbl, "| %d | %d | %s | %s | %s | %s | %s |\n", n, d, cell(svT[k], svC[k]), cell(mpsT[k], mpsC[k]), bond, faster, pick)
			if faster != "?" {
				cells++
				if faster == pick {
					agree++
				}
			}
			gates := float64(len(full.Ops))
			if svT[k] > 0 {
				svRatio = append(svRatio, svT[k].Seconds()/(gates*math.Ldexp(1, n)))
			}
			if mpsT[k] > 0 && cost.Work > 1e6 {
				mpsRatio = append(mpsRatio, mpsT[k].Seconds()/cost.Work)
			}
		}
	}
	t.Logf("\n%s", tbl.String())
	t.Logf("the auto rule (mps.Predict) picks the measured winner in %d of %d cells", agree, cells)
	t.Logf("time models: t_sv = %.3g s · gates · 2^n (median over %d cells), t_mps = %.3g s · Work (median over %d cells with Work > 1e6)",
		median(svRatio), len(svRatio), median(mpsRatio), len(mpsRatio))
}

// TestCostScaling times one two-qubit gate at χ = 16…256 (the kernel of
// BenchmarkTwoQubitGate) and fits the exponent of t ∝ χ^p by least squares
// on log t against log χ.
func TestCostScaling(t *testing.T) {
	skipUnlessLong(t)
	chis := []int{16, 32, 64, 128, 256}
	var xs, ys, ycpu []float64
	var tbl strings.Builder
	fmt.Fprintf(&tbl, "| χ | wall per 2-qubit gate | CPU per 2-qubit gate |\n|---|---|---|\n")
	for _, chi := range chis {
		s, gates := saturatedState(t, chi)
		reps := max(8, 4096/chi)
		t0, c0 := time.Now(), cputime.Process()
		for i := range reps {
			if err := s.Run(gates[i%len(gates)], circuit.Binding{}); err != nil {
				t.Fatal(err)
			}
		}
		per := time.Since(t0).Seconds() / float64(reps)
		perCPU := (cputime.Process() - c0).Seconds() / float64(reps)
		fmt.Fprintf(&tbl, "| %d | %.3g ms | %.3g ms |\n", chi, 1e3*per, 1e3*perCPU)
		xs = append(xs, math.Log(float64(chi)))
		ys, ycpu = append(ys, math.Log(per)), append(ycpu, math.Log(perCPU))
	}
	t.Logf("\n%sfitted exponent of t ∝ χ^p, χ = 16…256: p = %.2f (wall), %.2f (CPU); χ = 64…256: %.2f (wall), %.2f (CPU)",
		tbl.String(), slope(xs, ys), slope(xs, ycpu), slope(xs[2:], ys[2:]), slope(xs[2:], ycpu[2:]))
}

// slope is the least-squares slope of y against x.
func slope(x, y []float64) float64 {
	var mx, my float64
	for i := range x {
		mx += x[i]
		my += y[i]
	}
	mx /= float64(len(x))
	my /= float64(len(y))
	var sxy, sxx float64
	for i := range x {
		sxy += (x[i] - mx) * (y[i] - my)
		sxx += (x[i] - mx) * (x[i] - mx)
	}
	return sxy / sxx
}

func median(v []float64) float64 {
	if len(v) == 0 {
		return math.NaN()
	}
	s := append([]float64(nil), v...)
	for i := range s {
		for j := i + 1; j < len(s); j++ {
			if s[j] < s[i] {
				s[i], s[j] = s[j], s[i]
			}
		}
	}
	return s[len(s)/2]
}
