package dev.retort.shell.panel;

import java.util.ArrayList;
import java.util.List;

/** Actions over {@link SampleGraphs#showcase}: records what was asked and applied. */
class FakeActions implements PanelActions {
    final List<String> calls = new ArrayList<>();
    String failPreviewWith;
    /** The text previews show; null for a one-line plan. */
    String previewText;
    GraphModel model;

    FakeActions(GraphModel model) {
        this.model = model;
    }

    @Override
    public String detail(String revisionId) {
        calls.add("detail " + revisionId);
        return "Rev: " + revisionId + "\nPath: /env/versions/" + revisionId + "_x.sql\n\n"
                + "-- upgrade (sqlite)\nCREATE TABLE t_" + revisionId.substring(0, 4) + " (id INTEGER PRIMARY KEY);\n"
                + "-- downgrade (sqlite)\nDROP TABLE t_" + revisionId.substring(0, 4) + ";\n";
    }

    @Override
    public Preview preview(Move move, String revisionId) {
        calls.add("preview " + move.verb() + " " + revisionId);
        if (failPreviewWith != null) {
            throw new IllegalStateException(failPreviewWith);
        }
        return new Preview() {
            @Override
            public String summary() {
                return move.verb() + " to " + revisionId + " (1 step)";
            }

            @Override
            public String text() {
                return previewText != null ? previewText
                        : "-- Running " + move.verb() + " a00000000003 -> " + revisionId + "\nPLAN-SQL-LINE;\n";
            }

            @Override
            public GraphModel apply() {
                calls.add("apply " + move.verb() + " " + revisionId);
                model = SampleGraphs.showcase(revisionId);
                return model;
            }
        };
    }

    @Override
    public GraphModel merge(List<String> headIds, String message) {
        calls.add("merge " + headIds + " " + message);
        GraphModel.Builder b = GraphModel.builder();
        b.add("e0e0e0e0e0e0", headIds, List.of(), List.of(), message);
        for (GraphNode n : model.nodes()) {
            b.add(n.id(), n.parents(), n.dependencies(), n.labels(), n.message());
        }
        List<String> current = new ArrayList<>();
        for (int row : model.currentRows()) {
            current.add(model.get(row).id());
        }
        model = b.current(current.toArray(String[]::new)).build();
        return model;
    }
}
