package spec

import (
	"bytes"
	"fmt"
	"math"
	"path/filepath"
	"slices"
	"strings"

	"github.com/qmlgo/qml/classical"
	"github.com/qmlgo/qml/dataset"
	"github.com/qmlgo/qml/vqc"
)

// phasesFile is the accuracy-against-temperature table written beside
// model.json for Ising-phase data.
const phasesFile = "phases.csv"

// isPhaseData reports whether d is the ising generator's data: two classes
// (ordered, disordered) and each sample's temperature in Targets.
func isPhaseData(d *dataset.Dataset) bool {
	return d != nil && d.Targets != nil && d.Y != nil && d.NumClasses == 2 && strings.HasPrefix(d.Name, "ising")
}

// withoutBand returns d without the samples whose temperature lies within
// band of T_c; d itself when band is 0 or d is nil.
func withoutBand(s *Spec, d *dataset.Dataset, band float64) (*dataset.Dataset, error) {
	if d == nil || band == 0 {
		return d, nil
	}
	if !isPhaseData(d) {
		return nil, s.Errorf("model.critical_band", "only Ising-phase data (data.dataset: ising) carries temperatures; %s does not", d.Name)
	}
	var keep []int
	for i, t := range d.Targets {
		if math.Abs(t-classical.CriticalTemperature) >= band {
			keep = append(keep, i)
		}
	}
	if len(keep) == 0 {
		return nil, s.Errorf("model.critical_band", "%v leaves no %s samples", band, d.Name)
	}
	return d.Subset(keep)
}

// phaseReport is a classifier's accuracy against temperature on the whole
// test split, critical band included, as Carrasquilla and Melko (Nat.
// Phys. 13, 431 (2017), Fig. 2) report it: per temperature the accuracy
// and the mean predicted probability of the disordered phase, whose 0.5
// crossing estimates T_c.
type phaseReport struct {
	temps, accuracy, disordered []float64
	counts                      []int
	crossing                    float64
}

// newPhaseReport evaluates c on d by temperature.
func newPhaseReport(c classical.Classifier, d *dataset.Dataset) (*phaseReport, error) {
	byT := map[float64][]int{}
	for i, t := range d.Targets {
		byT[t] = append(byT[t], i)
	}
	rep := &phaseReport{crossing: math.NaN()}
	for t := range byT {
		rep.temps = append(rep.temps, t)
	}
	slices.Sort(rep.temps)
	p := make([]float64, c.NumClasses())
	for _, t := range rep.temps {
		var correct, pd float64
		for _, i := range byT[t] {
			if err := c.Probabilities(d.X[i], p); err != nil {
				return nil, err
			}
			pd += p[classical.Disordered]
			if (p[classical.Disordered] > 0.5) == (d.Y[i] == classical.Disordered) {
				correct++
			}
		}
		n := float64(len(byT[t]))
		rep.accuracy = append(rep.accuracy, correct/n)
		rep.disordered = append(rep.disordered, pd/n)
		rep.counts = append(rep.counts, len(byT[t]))
	}
	for k := 1; k < len(rep.temps); k++ {
		a, b := rep.disordered[k-1]-0.5, rep.disordered[k]-0.5
		if a < 0 && b >= 0 {
			rep.crossing = rep.temps[k-1] + (rep.temps[k]-rep.temps[k-1])*a/(a-b)
			break
		}
	}
	return rep, nil
}

// addTo records the crossing temperature and its distance from T_c.
func (r *phaseReport) addTo(final map[string]float64) {
	setFinite(final, "crossing_temperature", r.crossing)
	setFinite(final, "crossing_error", math.Abs(r.crossing-classical.CriticalTemperature))
}

// save writes phases.csv beside the model file; nothing for a nil report.
func (r *phaseReport) save(modelPath string) error {
	if r == nil {
		return nil
	}
	var buf bytes.Buffer
	buf.WriteString("temperature,samples,accuracy,p_disordered\n")
	for k, t := range r.temps {
		fmt.Fprintf(&buf, "%.6g,%d,%.6g,%.6g\n", t, r.counts[k], r.accuracy[k], r.disordered[k])
	}
	return vqc.WriteFileAtomic(filepath.Join(filepath.Dir(modelPath), phasesFile), buf.Bytes())
}
