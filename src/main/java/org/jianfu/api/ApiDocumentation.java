package org.jianfu.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document of the API ({@code /v3/api-docs}) and its browsable reference ({@code /swagger-ui/index.html}),
 * both served by the application from the jar (no outside service), to signed-in people.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    static final String BEARER = "apiToken";

    @Bean
    OpenAPI jianfuApi() {
        return new OpenAPI()
                .info(new Info().title("减负平台数据接口 (Jianfu API)").version("v1")
                        .description("供教育大数据平台读取单位层级、填报轮次与台账、各登记簿数据和字段字典，并供教师管理信息系统同步学校教师名册。"
                                + "调用方为安全管理员签发的 API 令牌，或统一认证服务中经安全管理员登记的客户端（客户端凭证方式取得的访问令牌）；"
                                + "均限定于一个单位及其下级单位，默认只读，每分钟调用次数有限，每次调用均记入审计日志。"
                                + "拒绝时返回 JSON：{\"status\": 403, \"error\": \"…\"}。"))
                .components(new Components().addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                        .scheme("bearer").description("安全管理员签发的 API 令牌（jf_…），或统一认证服务以客户端凭证方式签发的访问令牌（JWT）")));
    }
}
