package circuit

import "sort"

// controlledFamilies lists, for a target gate, the registered gates that
// apply it under 0, 1, 2, … controls ("" where none is registered): cx is
// X under one control, c3sqrtx is √X under three. OpenQASM 3's `ctrl @`
// modifier maps to these, and the drawing labels a controlled gate's target
// box with the family's name.
var controlledFamilies = map[string][]string{
	"x":    {"x", "cx", "ccx", "c3x", "c4x"},
	"sx":   {"sx", "csx", "", "c3sqrtx"},
	"y":    {"y", "cy"},
	"z":    {"z", "cz"},
	"h":    {"h", "ch"},
	"swap": {"swap", "cswap"},
	"rx":   {"rx", "crx"},
	"ry":   {"ry", "cry"},
	"rz":   {"rz", "crz"},
	"p":    {"p", "cp"},
	"u1":   {"u1", "cu1"},
	"u3":   {"u3", "cu3"},
	"u":    {"u", "cu3"},
}

// family places a registered gate in a controlled family.
type family struct {
	base     string // the target gate: x for ccx
	controls int
}

// familyOf maps each registered gate of controlledFamilies to its target
// gate and number of controls: ccx → (x, 2). cu3 belongs to both u and u3;
// the families are visited in sorted order, so it maps to u3.
var familyOf = func() map[string]family {
	m := map[string]family{}
	bases := make([]string, 0, len(controlledFamilies))
	for b := range controlledFamilies {
		bases = append(bases, b)
	}
	sort.Strings(bases)
	for _, base := range bases {
		for n, name := range controlledFamilies[base] {
			if name != "" && (n > 0 || m[name].base == "") {
				m[name] = family{base, n}
			}
		}
	}
	return m
}()
