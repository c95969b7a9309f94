// pmlp equivalence wrapper (flows/equiv.ys, flows/reference.ys): the design's class output, held
// at 0 for the first two clocks. The registers of pmlp's designs have no reset, so their first
// outputs are undefined, and synthesis may legally fix an output register whose input is constant
// at that constant; a proof from an assumed all-zero start would call that a difference. From the
// third clock on, the output of the two-stage pipeline depends on the inputs alone. XW and YW, the
// port widths, are given as Verilog defines (the folder's Makefile has them). The warm-up flag is
// an output too, so both sides keep registers even when the class is a constant (ABC's dsec needs
// registers on both sides). A combinational design (pmlp --registers none; PMLP_COMB defined)
// has no clock port; the wrapper's own warm-up registers still give dsec the registers it needs.
module pmlp_equiv (
    input  wire clk,
    input  wire [`XW-1:0] x,
    output wire [`YW-1:0] y,
    output wire warm
);
    wire [`YW-1:0] core_y;
`ifdef PMLP_COMB
    top core (.x(x), .y(core_y));
`else
    top core (.clk(clk), .x(x), .y(core_y));
`endif
    reg w1 = 1'b0;
    reg w2 = 1'b0;
    always @(posedge clk) begin
        w1 <= 1'b1;
        w2 <= w1;
    end
    assign warm = w2;
    assign y = w2 ? core_y : {`YW{1'b0}};
endmodule
