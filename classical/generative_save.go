package classical

import (
	"encoding/json"
	"fmt"
)

// Reading the generative models back from JSON, with their sizes checked
// (a checkpointed run resumes from them).

// UnmarshalJSON reads a BornMachine and checks its tensors against its
// bonds and the canonical center.
func (b *BornMachine) UnmarshalJSON(data []byte) error {
	type plain BornMachine
	var p plain
	if err := json.Unmarshal(data, &p); err != nil {
		return err
	}
	switch {
	case p.Sites < 2 || len(p.Bonds) != p.Sites+1 || len(p.Tensors) != p.Sites:
		return fmt.Errorf("classical: Born machine of %d sites with %d bonds and %d tensors, want ≥ 2, sites+1 and sites", p.Sites, len(p.Bonds), len(p.Tensors))
	case p.Bonds[0] != 1 || p.Bonds[p.Sites] != 1:
		return fmt.Errorf("classical: Born machine boundary bonds %d and %d, want 1", p.Bonds[0], p.Bonds[p.Sites])
	case p.Center < 0 || p.Center >= p.Sites:
		return fmt.Errorf("classical: Born machine center on site %d of %d", p.Center, p.Sites)
	}
	for j, t := range p.Tensors {
		if d, e := p.Bonds[j], p.Bonds[j+1]; d < 1 || e < 1 || d > 1024 || e > 1024 || len(t) != d*2*e {
			return fmt.Errorf("classical: Born machine site %d has %d values for bonds %d and %d", j, len(t), d, e)
		}
	}
	if err := p.Truncation.Validate(); err != nil {
		return err
	}
	*b = BornMachine(p)
	return nil
}

// UnmarshalJSON reads a BoltzmannMachine and checks its parameter count.
func (m *BoltzmannMachine) UnmarshalJSON(data []byte) error {
	type plain BoltzmannMachine
	var p plain
	if err := json.Unmarshal(data, &p); err != nil {
		return err
	}
	if p.N < 1 || p.N > 4096 || len(p.Theta) != p.N*(p.N-1)/2+p.N {
		return fmt.Errorf("classical: Boltzmann machine of %d units has %d parameters, want n(n−1)/2 + n", p.N, len(p.Theta))
	}
	*m = BoltzmannMachine(p)
	return nil
}
