// Older exporters redefine gates that qelib1.inc now has; a definition with
// the same matrix is accepted and the built-in gate kept.
OPENQASM 2.0;
include "qelib1.inc";
gate rzz(theta) a,b { cx a,b; u1(theta) b; cx a,b; }
gate cu1(lambda) a,b { u1(lambda/2) a; cx a,b; u1(-lambda/2) b; cx a,b; u1(lambda/2) b; }
gate sxdg a { s a; h a; s a; }
gate csx q0,q1 { h q1; cu1(pi/2) q0,q1; h q1; }
qreg q[2];
rzz(0.5) q[0], q[1];
cu1(0.25) q[1], q[0];
sxdg q[0];
csx q[0], q[1];
