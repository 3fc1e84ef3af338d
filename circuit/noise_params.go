package circuit

import "slices"

// ChannelParams returns the parameters channel type typ reads, by their
// noise-model keys (p, gamma, pauli, t1, t2, time, excited), and false for
// an unknown type. A noise-model reader refuses every other parameter key,
// so that a typo cannot silently mean no noise.
func ChannelParams(typ string) ([]string, bool) {
	p, ok := channelParams[typ]
	return slices.Clone(p), ok
}
