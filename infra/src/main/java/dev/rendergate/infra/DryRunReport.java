package dev.rendergate.infra;

import java.util.Map;
import java.util.TreeMap;
import software.amazon.awscdk.cxapi.CloudAssembly;
import software.amazon.awscdk.cxapi.CloudFormationStackArtifact;

/** What a deploy would create, read from the synthesized templates: per stack, its resources by type. */
final class DryRunReport {

    private DryRunReport() {
    }

    static String of(CloudAssembly assembly) {
        StringBuilder out = new StringBuilder();
        for (CloudFormationStackArtifact stack : assembly.getStacks()) {
            Map<String, Integer> counts = new TreeMap<>();
            Object resources = ((Map<?, ?>) stack.getTemplate()).get("Resources");
            if (resources instanceof Map<?, ?> all) {
                for (Object resource : all.values()) {
                    counts.merge(String.valueOf(((Map<?, ?>) resource).get("Type")), 1, Integer::sum);
                }
            }
            out.append(String.format("stack %s (%s): %d resources, template %s%n", stack.getStackName(),
                    stack.getEnvironment().getRegion(), counts.values().stream().mapToInt(Integer::intValue).sum(),
                    stack.getTemplateFullPath()));
            counts.forEach((type, count) -> out.append(String.format("  %3d  %s%n", count, type)));
        }
        return out.toString();
    }
}
