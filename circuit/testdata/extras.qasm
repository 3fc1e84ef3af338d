// Gates qelib1.inc lacks, declared the way WriteQASM declares them: each
// stands for the registered gate of its name.
OPENQASM 2.0;
include "qelib1.inc";
gate ryy(theta) a,b { rx(pi/2) a; rx(pi/2) b; cx a,b; rz(theta) b; cx a,b; rx(-pi/2) a; rx(-pi/2) b; }
gate iswap a,b { s a; s b; h a; cx a,b; cx b,a; h b; }
qreg q[2];
ryy(0.75) q[0], q[1];
iswap q[1], q[0];
