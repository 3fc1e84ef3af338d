package optim

import (
	"fmt"
	"math"
)

// AdamConfig holds the hyperparameters of Adam.
type AdamConfig struct {
	LR    float64 // step size α ("lr"), > 0
	Beta1 float64 // decay of the first-moment average β₁ ("beta1"), in [0, 1)
	Beta2 float64 // decay of the second-moment average β₂ ("beta2"), in [0, 1)
	Eps   float64 // ε added to √v̂ against division by zero ("eps"), > 0
}

// DefaultAdamConfig returns the defaults of Kingma & Ba (α = 0.001,
// β₁ = 0.9, β₂ = 0.999, ε = 1e-8), which New uses for "adam".
func DefaultAdamConfig() AdamConfig {
	return AdamConfig{LR: 0.001, Beta1: 0.9, Beta2: 0.999, Eps: 1e-8}
}

func (c *AdamConfig) hypers() []hyper {
	return []hyper{{key: "lr", f: &c.LR}, {key: "beta1", f: &c.Beta1}, {key: "beta2", f: &c.Beta2}, {key: "eps", f: &c.Eps}}
}

// Validate reports a bad hyperparameter as a *ConfigError.
func (c AdamConfig) Validate() error {
	if err := checkPositive("adam", "lr", c.LR); err != nil {
		return err
	}
	if err := checkUnit("adam", "beta1", c.Beta1); err != nil {
		return err
	}
	if err := checkUnit("adam", "beta2", c.Beta2); err != nil {
		return err
	}
	return checkPositive("adam", "eps", c.Eps)
}

// Adam is the adaptive-moment method of Kingma & Ba, "Adam: A Method for
// Stochastic Optimization", ICLR 2015 (arXiv:1412.6980), Algorithm 1. At
// step t = 1, 2, … with gradient g:
//
//	m ← β₁m + (1−β₁)g,   v ← β₂v + (1−β₂)g²,
//	m̂ = m/(1−β₁ᵗ),       v̂ = v/(1−β₂ᵗ),
//	θ ← θ − α·m̂/(√v̂ + ε).
//
// The bias corrections m̂, v̂ undo the zero start of m and v, so the first
// step has size α in every coordinate with a non-zero gradient.
type Adam struct {
	cfg  AdamConfig
	t    int       // steps taken
	m, v []float64 // moment averages; nil before the first step
}

// NewAdam returns an Adam optimizer, or a *ConfigError for a bad cfg.
func NewAdam(cfg AdamConfig) (*Adam, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	return &Adam{cfg: cfg}, nil
}

// Step applies one Adam update to x.
func (a *Adam) Step(x []float64, _ float64, grad []float64) error {
	if err := checkStep(x, grad, len(a.m)); err != nil {
		return err
	}
	if len(a.m) == 0 {
		a.m = make([]float64, len(x))
		a.v = make([]float64, len(x))
	}
	a.t++
	b1, b2 := a.cfg.Beta1, a.cfg.Beta2
	// α·m̂/(√v̂ + ε) = (α/c₁)·m/(√v·(1/√c₂) + ε), with c = 1 − βᵗ.
	step := a.cfg.LR / (1 - math.Pow(b1, float64(a.t)))
	rootScale := 1 / math.Sqrt(1-math.Pow(b2, float64(a.t)))
	for i, g := range grad {
		a.m[i] = b1*a.m[i] + (1-b1)*g
		a.v[i] = b2*a.v[i] + (1-b2)*g*g
		x[i] -= step * a.m[i] / (math.Sqrt(a.v[i])*rootScale + a.cfg.Eps)
	}
	return nil
}

// SetLearningRate sets α.
func (a *Adam) SetLearningRate(lr float64) error {
	if err := checkPositive("adam", "lr", lr); err != nil {
		return err
	}
	a.cfg.LR = lr
	return nil
}

// adamState is what Adam carries between steps.
type adamState struct {
	T int       `json:"t"`
	M []float64 `json:"m"`
	V []float64 `json:"v"`
}

// State implements Optimizer.
func (a *Adam) State() ([]byte, error) {
	return marshalState("adam", adamState{T: a.t, M: a.m, V: a.v})
}

// SetState implements Optimizer.
func (a *Adam) SetState(data []byte) error {
	var st adamState
	if err := unmarshalState("adam", data, &st); err != nil {
		return err
	}
	if len(st.M) != len(st.V) || st.T < 0 || (st.T == 0) != (len(st.M) == 0) {
		return fmt.Errorf("optim: adam: inconsistent state (t = %d, %d first and %d second moments)", st.T, len(st.M), len(st.V))
	}
	a.t, a.m, a.v = st.T, st.M, st.V
	return nil
}
