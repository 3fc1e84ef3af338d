package spec

import (
	"fmt"
	"math"
	"strconv"
	"time"

	"github.com/qmlgo/qml/classical"
)

func init() { registerModelKind("hopfield", func() ModelConfig { return &HopfieldModel{} }) }

// HopfieldModel is the model section of kind "hopfield": the capacity
// experiment of a Hebbian Hopfield network (classical.CapacityCurve) on
// random patterns, so it takes no data section. Each epoch record is one
// load α = P/N (train_loss 1 − mean overlap, train_accuracy the fraction
// retrieved); final.capacity_transition is where the overlap falls below
// the AGS retrieval overlap 0.967. train.epochs must be 1.
type HopfieldModel struct {
	// Neurons is N (default 100).
	Neurons int `json:"neurons"`
	// Loads are the α = P/N values (default 0.06 to 0.22 in steps of 0.02).
	Loads []float64 `json:"loads,omitempty"`
	// Trials is the number of independent networks per load (default 20).
	Trials int `json:"trials"`
	// Flip is the fraction of neurons flipped before recall (default 0:
	// recall starts at the pattern, testing its stability).
	Flip float64 `json:"flip,omitempty"`
}

func (m *HopfieldModel) setDefaults(*Spec) {
	setIfZero(&m.Neurons, 100)
	setIfZero(&m.Trials, 20)
	if len(m.Loads) == 0 {
		for a := 0.06; a < 0.2201; a += 0.02 {
			m.Loads = append(m.Loads, math.Round(a*100)/100)
		}
	}
}

func (m *HopfieldModel) check(s *Spec, p *problems) {
	if m.Neurons < 2 || m.Neurons > 1<<14 {
		p.add("model.neurons", "%d, want 2 to 16384", m.Neurons)
	}
	if m.Trials < 1 {
		p.add("model.trials", "%d, want at least 1", m.Trials)
	}
	if !(m.Flip >= 0 && m.Flip < 0.5) {
		p.add("model.flip", "%v, want a fraction in [0, 0.5)", m.Flip)
	}
	for i, a := range m.Loads {
		if !(a > 0 && a <= 1) || (i > 0 && a <= m.Loads[i-1]) {
			p.add(item("model.loads", i), "%v, want increasing loads in (0, 1]", a)
		}
	}
	if s.Train.Epochs != 1 && s.Has("train.epochs") {
		p.add("train.epochs", "%d; the capacity experiment runs once, want 1", s.Train.Epochs)
	}
}

func (m *HopfieldModel) needsData() bool { return false }

func (m *HopfieldModel) describe() string {
	return fmt.Sprintf("%d neurons, capacity curve over %d loads × %d trials", m.Neurons, len(m.Loads), m.Trials)
}

func (m *HopfieldModel) build(r *Run) (Trainer, error) {
	return &hopfieldTrainer{run: r, cfg: m}, nil
}

// hopfieldTrainer runs the capacity experiment.
type hopfieldTrainer struct {
	run    *Run
	cfg    *HopfieldModel
	points []classical.CapacityPoint
}

func (t *hopfieldTrainer) NumParams() int { return t.cfg.Neurons * (t.cfg.Neurons - 1) / 2 }

func (t *hopfieldTrainer) Fit(o FitOptions) (*History, error) {
	if o.Resume {
		return nil, noResume("hopfield", "it stores its patterns in one step and has no epochs to continue")
	}
	rng := classicalRNG(t.run.Spec)
	var epochs []Epoch
	for k, a := range t.cfg.Loads {
		start := time.Now()
		pts, err := classical.CapacityCurve(t.cfg.Neurons, []float64{a}, t.cfg.Trials, t.cfg.Flip, rng)
		if err != nil {
			return historyOf(epochs), t.run.Spec.Errorf("model.loads", "%v", err)
		}
		t.points = append(t.points, pts[0])
		e := Epoch{Epoch: k + 1, TrainLoss: 1 - pts[0].Overlap, TrainAccuracy: pts[0].Retrieved,
			ValLoss: math.NaN(), ValAccuracy: math.NaN(), Seconds: time.Since(start).Seconds()}
		epochs = append(epochs, e)
		if o.OnBatch != nil {
			o.OnBatch(1, k+1, len(t.cfg.Loads), e.TrainLoss)
		}
	}
	if o.OnEpoch != nil && len(epochs) > 0 {
		o.OnEpoch(epochs[len(epochs)-1])
	}
	return historyOf(epochs), nil
}

// Final reports the transition load and the overlap at every load.
func (t *hopfieldTrainer) Final() (map[string]float64, error) {
	final := map[string]float64{}
	if ac, err := classical.CapacityTransition(t.points); err == nil {
		final["capacity_transition"] = ac
	}
	for _, p := range t.points {
		final["overlap_"+strconv.FormatFloat(p.Load, 'g', -1, 64)] = p.Overlap
	}
	return final, nil
}

func (t *hopfieldTrainer) Save(path string) error {
	return saveClassical(path, t.run, t.points)
}
