package classical

import (
	"encoding/json"
	"fmt"
	"math"
)

// Reading classifiers back from JSON. encoding/json writes every
// classifier's exported fields; these methods read them back and check
// that the sizes agree, so a damaged or hand-edited model file is an error
// rather than an index panic in Probabilities.

// UnmarshalJSON reads a Logistic and checks its parameter count.
func (m *Logistic) UnmarshalJSON(data []byte) error {
	type plain Logistic
	var p plain
	if err := json.Unmarshal(data, &p); err != nil {
		return err
	}
	if p.Features < 1 || p.Classes < 2 || len(p.Theta) != p.Classes*(p.Features+1) {
		return fmt.Errorf("classical: logistic regression with %d features and %d classes has %d parameters, want classes·(features+1)",
			p.Features, p.Classes, len(p.Theta))
	}
	if err := checkL2(p.L2); err != nil {
		return err
	}
	*m = Logistic(p)
	return nil
}

// UnmarshalJSON reads an MLP and checks its sizes and activation.
func (m *MLP) UnmarshalJSON(data []byte) error {
	type plain MLP
	var p plain
	if err := json.Unmarshal(data, &p); err != nil {
		return err
	}
	f, h, c := p.Features, p.Hidden, p.Classes
	if f < 1 || h < 1 || c < 2 || len(p.Theta) != h*(f+1)+c*(h+1) {
		return fmt.Errorf("classical: MLP %d→%d→%d has %d parameters, want %d", f, h, c, len(p.Theta), max(h*(f+1)+c*(h+1), 0))
	}
	if p.Activation != ReLU && p.Activation != Tanh {
		return fmt.Errorf("classical: MLP activation %q, want %q or %q", p.Activation, ReLU, Tanh)
	}
	if err := checkL2(p.L2); err != nil {
		return err
	}
	*m = MLP(p)
	return nil
}

// checkL2 reports a penalty that is negative or not finite.
func checkL2(l2 float64) error {
	if !(l2 >= 0) || math.IsInf(l2, 0) {
		return fmt.Errorf("classical: L2 penalty %v, want a finite λ ≥ 0", l2)
	}
	return nil
}

// UnmarshalJSON reads an MPSClassifier and checks its tensors against its
// bonds.
func (m *MPSClassifier) UnmarshalJSON(data []byte) error {
	type plain MPSClassifier
	var p plain
	if err := json.Unmarshal(data, &p); err != nil {
		return err
	}
	if err := p.mpsChain.validate(); err != nil {
		return err
	}
	if err := p.Truncation.Validate(); err != nil {
		return err
	}
	*m = MPSClassifier(p)
	return nil
}

// mpsGradJSON is the saved form of an MPSGradClassifier: its chain and
// its logit scale κ.
type mpsGradJSON struct {
	mpsChain
	LogitScale float64
}

// MarshalJSON writes an MPSGradClassifier's chain and logit scale.
func (m *MPSGradClassifier) MarshalJSON() ([]byte, error) {
	return json.Marshal(mpsGradJSON{m.mpsChain, m.gain})
}

// UnmarshalJSON reads an MPSGradClassifier, checks its tensors and packs
// them into its parameter vector. A missing logit scale takes
// MPSConfig's default.
func (m *MPSGradClassifier) UnmarshalJSON(data []byte) error {
	var p mpsGradJSON
	if err := json.Unmarshal(data, &p); err != nil {
		return err
	}
	if err := p.validate(); err != nil {
		return err
	}
	if p.LogitScale == 0 {
		var c MPSConfig
		c.defaults()
		p.LogitScale = c.LogitScale
	}
	if !(p.LogitScale > 0) || math.IsInf(p.LogitScale, 0) {
		return fmt.Errorf("classical: MPS logit scale %v, want a finite number > 0", p.LogitScale)
	}
	*m = MPSGradClassifier{mpsChain: p.mpsChain, gain: p.LogitScale}
	m.pack()
	return nil
}

// validate checks the sizes of a decoded chain: Sites + 1 bonds from 1 to
// 1024 with 1 at both ends, one tensor per site of Bonds[j]·2·Bonds[j+1]
// values (times Classes on the label site).
func (m *mpsChain) validate() error {
	switch {
	case m.Sites < 2 || m.Classes < 2:
		return fmt.Errorf("classical: MPS with %d sites and %d classes, want ≥ 2 of each", m.Sites, m.Classes)
	case len(m.Bonds) != m.Sites+1 || len(m.Tensors) != m.Sites:
		return fmt.Errorf("classical: MPS of %d sites with %d bonds and %d tensors, want %d and %d", m.Sites, len(m.Bonds), len(m.Tensors), m.Sites+1, m.Sites)
	case m.Bonds[0] != 1 || m.Bonds[m.Sites] != 1:
		return fmt.Errorf("classical: MPS boundary bonds %d and %d, want 1", m.Bonds[0], m.Bonds[m.Sites])
	case m.Label < 0 || m.Label >= m.Sites:
		return fmt.Errorf("classical: MPS class index on site %d of %d", m.Label, m.Sites)
	}
	for _, d := range m.Bonds {
		if d < 1 || d > 1024 {
			return fmt.Errorf("classical: MPS bond dimension %d, want 1 to 1024", d)
		}
	}
	for j, t := range m.Tensors {
		n := m.Bonds[j] * 2 * m.Bonds[j+1]
		if j == m.Label {
			n *= m.Classes
		}
		if len(t) != n {
			return fmt.Errorf("classical: MPS site %d has %d values, want %d", j, len(t), n)
		}
	}
	return nil
}
