package optim

// SGDConfig holds the hyperparameters of plain gradient descent.
type SGDConfig struct {
	LR float64 // learning rate η ("lr"), > 0
}

// DefaultSGDConfig returns the defaults New uses for "sgd".
func DefaultSGDConfig() SGDConfig { return SGDConfig{LR: 0.01} }

func (c *SGDConfig) hypers() []hyper { return []hyper{{key: "lr", f: &c.LR}} }

// Validate reports a bad hyperparameter as a *ConfigError.
func (c SGDConfig) Validate() error { return checkPositive("sgd", "lr", c.LR) }

// SGD is gradient descent, θ' = θ − η∇C. It carries no state between steps.
type SGD struct {
	cfg SGDConfig
}

// NewSGD returns an SGD optimizer, or a *ConfigError for a bad cfg.
func NewSGD(cfg SGDConfig) (*SGD, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	return &SGD{cfg: cfg}, nil
}

// Step sets x ← x − η·grad.
func (s *SGD) Step(x []float64, _ float64, grad []float64) error {
	if err := checkStep(x, grad, 0); err != nil {
		return err
	}
	for i, g := range grad {
		x[i] -= s.cfg.LR * g
	}
	return nil
}

// SetLearningRate sets η.
func (s *SGD) SetLearningRate(lr float64) error {
	if err := checkPositive("sgd", "lr", lr); err != nil {
		return err
	}
	s.cfg.LR = lr
	return nil
}

// sgdState is empty: SGD remembers nothing, but a saved state still records
// which optimizer wrote it.
type sgdState struct{}

// State implements Optimizer.
func (s *SGD) State() ([]byte, error) { return marshalState("sgd", sgdState{}) }

// SetState implements Optimizer.
func (s *SGD) SetState(data []byte) error { return unmarshalState("sgd", data, &sgdState{}) }
