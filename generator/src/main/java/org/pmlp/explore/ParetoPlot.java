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

    /** @param exact the baseline's point, or null when it was not verified (bench: not on the dataset's front) */
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
        if (exact != null) {
            XYSeries e = chart.addSeries("exact bespoke baseline", new double[] {power ? exact.power() : exact.area()},
                    new double[] {exact.accuracy()});
            e.setMarker(SeriesMarkers.DIAMOND);
        }
        try {
            BitmapEncoder.saveBitmap(chart, png.toString().replaceAll("\\.png$", ""), BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e2) {
            throw new ToolFailure("cannot write the plot " + png + ": " + e2.getMessage());
        }
    }

    /**
     * The front with reference points (e.g. published designs, one series per work) drawn over it,
     * area on a log axis (published printed classifiers span 0.002 to 50 cm^2).
     */
    public static void writeWithReferences(Path png, String title, String xLabel, List<Point> front,
                                           java.util.Map<String, List<Point>> references) {
        XYChart chart = new XYChartBuilder().width(900).height(600).title(title).xAxisTitle(xLabel)
                .yAxisTitle("test accuracy").build();
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setMarkerSize(9);
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideSE);
        chart.getStyler().setAntiAlias(false);
        chart.getStyler().setXAxisLogarithmic(true);
        boolean any = false;
        if (!front.isEmpty()) {
            XYSeries s = chart.addSeries("pmlp (verified front)", front.stream().mapToDouble(Point::area).toArray(),
                    front.stream().mapToDouble(Point::accuracy).toArray());
            s.setMarker(SeriesMarkers.CIRCLE);
            any = true;
        }
        org.knowm.xchart.style.markers.Marker[] markers = {SeriesMarkers.DIAMOND, SeriesMarkers.TRIANGLE_UP,
            SeriesMarkers.SQUARE, SeriesMarkers.CROSS, SeriesMarkers.TRIANGLE_DOWN, SeriesMarkers.PLUS};
        int k = 0;
        for (var e : references.entrySet()) {
            List<Point> pts = e.getValue().stream().filter(p -> p.area() > 0).toList();
            if (pts.isEmpty()) {
                continue;
            }
            XYSeries s = chart.addSeries(e.getKey(), pts.stream().mapToDouble(Point::area).toArray(),
                    pts.stream().mapToDouble(Point::accuracy).toArray());
            s.setMarker(markers[k++ % markers.length]);
            any = true;
        }
        if (!any) {
            // xchart cannot draw an empty chart: one invisible point keeps the file (and its title) there
            chart.addSeries("no points", new double[] {1}, new double[] {0}).setMarker(SeriesMarkers.NONE);
        }
        try {
            BitmapEncoder.saveBitmap(chart, png.toString().replaceAll("\\.png$", ""), BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e2) {
            throw new ToolFailure("cannot write the plot " + png + ": " + e2.getMessage());
        }
    }
}
