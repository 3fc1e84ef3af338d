package optim

// MomentumConfig holds the hyperparameters of heavy-ball and Nesterov
// momentum.
type MomentumConfig struct {
	LR       float64 // learning rate η ("lr"), > 0
	Momentum float64 // momentum coefficient μ ("momentum"), in [0, 1)
	// Nesterov selects Nesterov's accelerated gradient instead of the heavy
	// ball; New sets it for the name "nesterov".
	Nesterov bool
}

// DefaultMomentumConfig returns the defaults New uses for "momentum" (and,
// with Nesterov set, for "nesterov").
func DefaultMomentumConfig() MomentumConfig { return MomentumConfig{LR: 0.01, Momentum: 0.9} }

func (c *MomentumConfig) hypers() []hyper {
	return []hyper{{key: "lr", f: &c.LR}, {key: "momentum", f: &c.Momentum}}
}

// name is the factory name of the method the configuration selects.
func (c MomentumConfig) name() string {
	if c.Nesterov {
		return "nesterov"
	}
	return "momentum"
}

// Validate reports a bad hyperparameter as a *ConfigError.
func (c MomentumConfig) Validate() error {
	if err := checkPositive(c.name(), "lr", c.LR); err != nil {
		return err
	}
	return checkUnit(c.name(), "momentum", c.Momentum)
}

// Momentum is gradient descent with a velocity ω (zero at the start).
//
// Heavy ball (Polyak 1964; the form of Sutskever et al., ICML 2013, eq. 1–2):
//
//	ω' = μω − η∇C(θ),  θ' = θ + ω'.
//
// Nesterov's accelerated gradient evaluates the gradient at the look-ahead
// point θ + μω. Storing that point φ = θ + μω as the parameters (Bengio,
// Boulanger-Lewandowski & Pascanu, arXiv:1212.0901, eq. 6–7) needs only the
// gradient at the current parameters, as Step receives it:
//
//	ω' = μω − η∇C(φ),  φ' = φ + μω' − η∇C(φ).
type Momentum struct {
	cfg MomentumConfig
	w   []float64 // velocity ω; nil before the first step
}

// NewMomentum returns a momentum optimizer, or a *ConfigError for a bad cfg.
func NewMomentum(cfg MomentumConfig) (*Momentum, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	return &Momentum{cfg: cfg}, nil
}

// Step applies one heavy-ball or Nesterov update to x.
func (m *Momentum) Step(x []float64, _ float64, grad []float64) error {
	if err := checkStep(x, grad, len(m.w)); err != nil {
		return err
	}
	if len(m.w) == 0 {
		m.w = make([]float64, len(x))
	}
	mu, eta := m.cfg.Momentum, m.cfg.LR
	for i, g := range grad {
		m.w[i] = mu*m.w[i] - eta*g
		if m.cfg.Nesterov {
			x[i] += mu*m.w[i] - eta*g
		} else {
			x[i] += m.w[i]
		}
	}
	return nil
}

// SetLearningRate sets η.
func (m *Momentum) SetLearningRate(lr float64) error {
	if err := checkPositive(m.cfg.name(), "lr", lr); err != nil {
		return err
	}
	m.cfg.LR = lr
	return nil
}

// momentumState is what Momentum carries between steps.
type momentumState struct {
	Velocity []float64 `json:"velocity"`
}

// State implements Optimizer.
func (m *Momentum) State() ([]byte, error) {
	return marshalState("momentum", momentumState{Velocity: m.w})
}

// SetState implements Optimizer.
func (m *Momentum) SetState(data []byte) error {
	var st momentumState
	if err := unmarshalState("momentum", data, &st); err != nil {
		return err
	}
	m.w = st.Velocity
	return nil
}
