package circuit

import "sync"

// qelib1Registered lists the gates of qelib1.inc — those of the OpenQASM 2.0
// paper (Cross et al., arXiv:1707.03429, Appendix) and the later additions
// of Qiskit's qelib1.inc — that are registered gates of this package with
// the same parameters and qubit order, so that `include "qelib1.inc"` maps
// them directly to their GateSpec. c3sqrtx is the 3-controlled √X and c4x
// the 4-controlled X, as in Qiskit's qelib1.inc (QASMBench's copy differs).
var qelib1Registered = []string{
	"u3", "u2", "u1", "cx", "id", "u", "p",
	"x", "y", "z", "h", "s", "sdg", "t", "tdg", "sx", "sxdg",
	"rx", "ry", "rz", "swap", "cz", "cy", "ch", "ccx", "cswap",
	"crx", "cry", "crz", "cu1", "cp", "cu3", "csx", "cu",
	"rxx", "rzz", "c3x", "c3sqrtx", "c4x",
}

// qelib1Source defines, in OpenQASM, the gates of qelib1.inc that are not
// registered gates: they expand into primitive ops where they are applied.
// The bodies are those of Qiskit's qelib1.inc; rccx and rc3x are the
// relative-phase Toffoli gates of Maslov, arXiv:1508.03273 (Fig. 4 for rc3x).
const qelib1Source = `
// idle gate of duration gamma: the identity
gate u0(gamma) q { U(0,0,0) q; }
// relative-phase CCX
gate rccx a,b,c
{
  u2(0,pi) c;
  u1(pi/4) c;
  cx b, c;
  u1(-pi/4) c;
  cx a, c;
  u1(pi/4) c;
  cx b, c;
  u1(-pi/4) c;
  u2(0,pi) c;
}
// relative-phase 3-controlled X gate
gate rc3x a,b,c,d
{
  u2(0,pi) d;
  u1(pi/4) d;
  cx c,d;
  u1(-pi/4) d;
  u2(0,pi) d;
  cx a,d;
  u1(pi/4) d;
  cx b,d;
  u1(-pi/4) d;
  cx a,d;
  u1(pi/4) d;
  cx b,d;
  u1(-pi/4) d;
  u2(0,pi) d;
  u1(pi/4) d;
  cx c,d;
  u1(-pi/4) d;
  u2(0,pi) d;
}
`

// extraDefinitions spell, in OpenQASM 2.0 over qelib1.inc, the registered
// gates that qelib1.inc lacks, so WriteQASM can declare them before use (the
// definitions Qiskit's exporter writes). ReadQASM recognises a definition
// with the same matrix as the registered gate and maps it back to it, so a
// written circuit reads back op for op.
var extraDefinitions = map[string]string{
	// ryy(θ) = exp(−iθ Y⊗Y/2): rx(π/2) turns Y into Z on each qubit, and
	// cx·rz(θ)·cx on the second is exp(−iθ Z⊗Z/2).
	"ryy": "gate ryy(theta) a,b { rx(pi/2) a; rx(pi/2) b; cx a,b; rz(theta) b; cx a,b; rx(-pi/2) a; rx(-pi/2) b; }",
	// iswap = exp(iπ/4 (X⊗X + Y⊗Y)).
	"iswap": "gate iswap a,b { s a; s b; h a; cx a,b; cx b,a; h b; }",
}

var (
	qelib1Once sync.Once
	qelib1Defs map[string]*gateDef
	qelib1Err  error
)

// qelib1 returns the gate definitions `include "qelib1.inc"` brings in: the
// registered gates of qelib1Registered and the bodies of qelib1Source, read
// by this package's own parser once. The error is non-nil only if this file
// is wrong, which the tests rule out.
func qelib1() (map[string]*gateDef, error) {
	qelib1Once.Do(func() {
		r := newQASMReader("qelib1.inc")
		for _, name := range qelib1Registered {
			spec, ok := Lookup(name)
			if !ok {
				qelib1Err = &ParseError{File: "qelib1.inc", Line: 1, Column: 1, Msg: "gate " + name + " is not registered"}
				return
			}
			r.gates[name] = specDef(spec, "qelib1.inc")
		}
		if qelib1Err = r.parse(qelib1Source); qelib1Err != nil {
			return
		}
		qelib1Defs = make(map[string]*gateDef)
		for name, d := range r.gates {
			if d.origin != builtinOrigin {
				d.origin = "qelib1.inc"
				qelib1Defs[name] = d
			}
		}
	})
	return qelib1Defs, qelib1Err
}
