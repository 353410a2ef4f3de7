package dev.gale.server.service.job;

import dev.gale.server.domain.JobConfigType;
import dev.gale.server.domain.JobStatus;
import java.util.List;

/**
 * Which jobs {@code jobs/list} returns, newest first, and which page of them.
 *
 * @param configId nullable: every connection's jobs
 * @param includingJobId nullable; when given, the page grows to hold that job (empty when it is not among the matches)
 * @param pageSize nullable: Airbyte's default page size
 * @param rowOffset nullable: from the first
 * @param statuses nullable: any status
 */
public record JobListing(List<JobConfigType> configTypes, String configId, Long includingJobId, Integer pageSize,
                         Integer rowOffset, List<JobStatus> statuses) {}
