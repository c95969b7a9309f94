package org.pmlp.explore;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.pmlp.ToolFailure;

/** Accuracy against area and against power of the verified designs, exact baseline marked. */
public final class ParetoPlot {
    /** One plotted design. */
    public record Point(double accuracy, double area, double power) {
    }

    private ParetoPlot() {
    }

    public static void write(Path png, String title, String xLabel, List<Point> front, Point exact, boolean power) {
        XYChart chart = new XYChartBuilder().width(800).height(560).title(title).xAxisTitle(xLabel)
                .yAxisTitle("test accuracy").build();
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setMarkerSize(9);
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideSE);
        chart.getStyler().setAntiAlias(false);
        if (!front.isEmpty()) {
            XYSeries s = chart.addSeries("explored (verified)", front.stream().mapToDouble(p -> power ? p.power() : p.area())
                    .toArray(), front.stream().mapToDouble(Point::accuracy).toArray());
            s.setMarker(SeriesMarkers.CIRCLE);
        }
        XYSeries e = chart.addSeries("exact bespoke baseline", new double[] {power ? exact.power() : exact.area()},
                new double[] {exact.accuracy()});
        e.setMarker(SeriesMarkers.DIAMOND);
        try {
            BitmapEncoder.saveBitmap(chart, png.toString().replaceAll("\\.png$", ""), BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e2) {
            throw new ToolFailure("cannot write the plot " + png + ": " + e2.getMessage());
        }
    }
}
