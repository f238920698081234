package dev.rendergate.infra;

import java.util.List;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.SubnetConfiguration;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ec2.Vpc;
import software.amazon.awscdk.services.elasticache.CfnReplicationGroup;
import software.amazon.awscdk.services.elasticache.CfnSubnetGroup;
import software.constructs.Construct;

/**
 * The stateful, slow-to-create part: the network and the shared snapshot cache (ElastiCache for Valkey, encrypted, in isolated subnets, reachable only from the farm). Kept apart
 * so that redeploying the farm or the site never touches the cache.
 */
public final class DataStack extends Stack {

    /** The port of the shared cache. */
    static final int REDIS_PORT = 6379;

    private final Vpc vpc;
    private final SecurityGroup cache;
    private final CfnReplicationGroup redis;

    DataStack(Construct scope, String id, StackProps props, InfraConfig config) {
        super(scope, id, props);
        vpc = Vpc.Builder.create(this, "Network")
                .maxAzs(2)
                .natGateways(1)
                .subnetConfiguration(List.of(
                        subnet("public", SubnetType.PUBLIC, 24),
                        subnet("farm", SubnetType.PRIVATE_WITH_EGRESS, 22),
                        subnet("cache", SubnetType.PRIVATE_ISOLATED, 26)))
                .build();
        cache = SecurityGroup.Builder.create(this, "Cache")
                .vpc(vpc)
                .description("rendergate snapshot cache: reached only by the farm tasks")
                .allowAllOutbound(false)
                .build();
        CfnSubnetGroup subnets = CfnSubnetGroup.Builder.create(this, "CacheSubnets")
                .description("rendergate snapshot cache: isolated subnets")
                .subnetIds(vpc.selectSubnets(SubnetSelection.builder().subnetType(SubnetType.PRIVATE_ISOLATED).build())
                        .getSubnetIds())
                .build();
        redis = CfnReplicationGroup.Builder.create(this, "SnapshotCache")
                .replicationGroupDescription("rendergate shared snapshot tier (the farm's --redis)")
                .engine("valkey")
                .engineVersion("8.0")
                .cacheNodeType(config.redisNodeType())
                .numCacheClusters(2)
                .automaticFailoverEnabled(true)
                .multiAzEnabled(true)
                .transitEncryptionEnabled(true)
                .atRestEncryptionEnabled(true)
                .port(REDIS_PORT)
                .cacheSubnetGroupName(subnets.getRef())
                .securityGroupIds(List.of(cache.getSecurityGroupId()))
                .build();
    }

    private static SubnetConfiguration subnet(String name, SubnetType type, int cidrMask) {
        return SubnetConfiguration.builder().name(name).subnetType(type).cidrMask(cidrMask).build();
    }

    Vpc vpc() {
        return vpc;
    }

    /** The cache's group: no ingress here; the farm's stack admits its tasks (see {@link FarmService}). */
    SecurityGroup cache() {
        return cache;
    }

    /** @return the farm's {@code --redis} URI: TLS to the primary endpoint */
    String redisUri() {
        return "rediss://" + redis.getAttrPrimaryEndPointAddress() + ":" + REDIS_PORT;
    }
}
