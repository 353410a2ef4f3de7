package dev.gale.server.api.publicapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gale.server.api.publicapi.model.JobResources.JobTypeEnum;
import dev.gale.server.domain.JobConfigType;
import org.junit.jupiter.api.Test;

class PublicJobTypesTest {
  private static final PublicJobTypes CURRENT = PublicJobTypes.of(ClientAgent.parse("speakeasy-sdk/python 0.52.2 2.474.15 1.0.0"));
  private static final PublicJobTypes JAVA_SDK_0 = PublicJobTypes.of(ClientAgent.parse("speakeasy-sdk/java 0.16.2 2.37.2 1.0.0"));

  @Test
  void currentClientsSeeEveryTypeByItsName() {
    assertThat(CURRENT.typeOf(JobConfigType.SYNC)).isEqualTo(JobTypeEnum.SYNC);
    assertThat(CURRENT.typeOf(JobConfigType.RESET_CONNECTION)).isEqualTo(JobTypeEnum.RESET);
    assertThat(CURRENT.typeOf(JobConfigType.CLEAR)).isEqualTo(JobTypeEnum.CLEAR);
    assertThat(CURRENT.typeOf(JobConfigType.REFRESH)).isEqualTo(JobTypeEnum.REFRESH);
    assertThat(CURRENT.configTypesOf(JobTypeEnum.RESET)).containsExactly(JobConfigType.RESET_CONNECTION);
    assertThat(CURRENT.configTypesOf(JobTypeEnum.SYNC)).containsExactly(JobConfigType.SYNC);
  }

  @Test
  void javaSdk0SeesOnlyTheTypesOf2023AndFiltersByWhatItSees() {
    assertThat(JAVA_SDK_0.typeOf(JobConfigType.CLEAR)).isEqualTo(JobTypeEnum.RESET);
    assertThat(JAVA_SDK_0.typeOf(JobConfigType.REFRESH)).isEqualTo(JobTypeEnum.SYNC);
    assertThat(JAVA_SDK_0.typeOf(JobConfigType.SYNC)).isEqualTo(JobTypeEnum.SYNC);
    assertThat(JAVA_SDK_0.configTypesOf(JobTypeEnum.RESET))
        .containsExactlyInAnyOrder(JobConfigType.RESET_CONNECTION, JobConfigType.CLEAR);
    assertThat(JAVA_SDK_0.configTypesOf(JobTypeEnum.SYNC)).containsExactlyInAnyOrder(JobConfigType.SYNC, JobConfigType.REFRESH);
  }
}
