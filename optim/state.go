package optim

import (
	"encoding/json"
	"fmt"
)

// stateEnvelope tags a saved state with the optimizer that wrote it, so that
// SetState refuses a state from another kind of optimizer.
type stateEnvelope struct {
	Kind  string          `json:"kind"`
	State json.RawMessage `json:"state"`
}

// marshalState encodes st under the tag kind. encoding/json writes float64
// in the shortest form that parses back to the same bits, so a round trip
// is exact.
func marshalState(kind string, st any) ([]byte, error) {
	raw, err := json.Marshal(st)
	if err != nil {
		return nil, fmt.Errorf("optim: %s: encoding state: %w", kind, err)
	}
	return json.Marshal(stateEnvelope{Kind: kind, State: raw})
}

// unmarshalState decodes data written by marshalState for kind into st.
func unmarshalState(kind string, data []byte, st any) error {
	var env stateEnvelope
	if err := json.Unmarshal(data, &env); err != nil {
		return fmt.Errorf("optim: %s: decoding state: %w", kind, err)
	}
	if env.Kind != kind {
		return fmt.Errorf("optim: %s: state was saved by %q", kind, env.Kind)
	}
	if err := json.Unmarshal(env.State, st); err != nil {
		return fmt.Errorf("optim: %s: decoding state: %w", kind, err)
	}
	return nil
}
