package idp;

import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.util.UUID;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.servlet.context.AnnotationConfigServletWebServerApplicationContext;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;

/**
 * A real OpenID Connect provider (Spring Authorization Server) running in the test JVM on a port of its own, outside
 * the application's packages and without Spring Boot's auto-configuration: discovery, the authorization endpoint with
 * its own login form, the token endpoint, the JWK set and RP-initiated logout. Its users: {@code zhang.san},
 * {@code li.si} and {@code stranger} (e-mail {@code <name>@idp.example}, verified) and {@code unverified.wang} (e-mail not
 * verified); every password is {@link #PASSWORD}. One client of the login: {@link #CLIENT_ID}/{@link #CLIENT_SECRET}; three of the
 * client-credentials grant: {@link #PLATFORM_CLIENT}, {@link #OTHER_PLATFORM_CLIENT} and {@link #ROSTER_CLIENT}, secret {@link #secretOf}.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
public class TestIdentityProvider {

    public static final String CLIENT_ID = "jianfu";
    public static final String CLIENT_SECRET = "jianfu-secret";
    public static final String PASSWORD = "idp-password";
    /** Clients of the client-credentials grant (another system calling Jianfu's API), each with its own {@link #secretOf} secret. */
    public static final String PLATFORM_CLIENT = "data-platform";
    public static final String OTHER_PLATFORM_CLIENT = "other-platform";
    public static final String ROSTER_CLIENT = "roster-system";

    /** The secret of a client of the client-credentials grant (the provider wants every client's secret different). */
    public static String secretOf(String clientId) {
        return clientId + "-secret";
    }

    /** Which address the client (the application) runs on, for the registered redirect URIs. */
    private static volatile String clientBase;

    /** Starts the provider for a client at this base address (e.g. {@code http://127.0.0.1:8080}); returns its issuer. */
    public static String start(String client) {
        clientBase = client;
        var context = new AnnotationConfigServletWebServerApplicationContext(TestIdentityProvider.class);
        return "http://localhost:" + context.getWebServer().getPort();
    }

    @Bean
    TomcatServletWebServerFactory webServer() {
        return new TomcatServletWebServerFactory(0);
    }

    /** A servlet for whatever the filters do not answer, so that every request passes the security filters. */
    @Bean
    ServletRegistrationBean<HttpServlet> notFound() {
        return new ServletRegistrationBean<>(new HttpServlet() {
            @Override
            protected void service(HttpServletRequest request, HttpServletResponse response) {
                response.setStatus(404);
            }
        }, "/");
    }

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServer(HttpSecurity http) throws Exception {
        var server = new OAuth2AuthorizationServerConfigurer();
        http.securityMatcher(server.getEndpointsMatcher())
                .with(server, s -> s.oidc(Customizer.withDefaults()))
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .exceptionHandling(errors -> errors.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/login")));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain login(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated()).formLogin(Customizer.withDefaults());
        return http.build();
    }

    @Bean
    UserDetailsService users() {
        var manager = new InMemoryUserDetailsManager();
        for (var name : new String[] { "zhang.san", "li.si", "stranger", "unverified.wang" }) {
            manager.createUser(User.withUsername(name).password("{noop}" + PASSWORD).roles("USER").build());
        }
        return manager;
    }

    @Bean
    RegisteredClientRepository clients() {
        return new InMemoryRegisteredClientRepository(platform(PLATFORM_CLIENT), platform(OTHER_PLATFORM_CLIENT),
                platform(ROSTER_CLIENT),
                RegisteredClient.withId(UUID.randomUUID().toString())
                .clientId(CLIENT_ID).clientSecret("{noop}" + CLIENT_SECRET)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri(clientBase + "/login/oauth2/code/campus")
                .postLogoutRedirectUri(clientBase + "/login?logout")
                .scope(OidcScopes.OPENID)
                .clientSettings(ClientSettings.builder().requireAuthorizationConsent(false).build())
                .build());
    }

    private static RegisteredClient platform(String clientId) {
        return RegisteredClient.withId(UUID.randomUUID().toString()).clientId(clientId).clientSecret("{noop}" + secretOf(clientId))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .scope("jianfu.api")
                .build();
    }

    /** The ID token says the user's e-mail address, verified except for {@code unverified.*}. */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> emailClaims() {
        return context -> {
            if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
                var name = context.getPrincipal().getName();
                context.getClaims().claim("email", name + "@idp.example").claim("email_verified", !name.startsWith("unverified."));
            }
        };
    }

    @Bean
    JWKSource<SecurityContext> keys() throws Exception {
        var generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        var pair = generator.generateKeyPair();
        var key = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey(pair.getPrivate()).keyID(UUID.randomUUID().toString())
                .build();
        return new ImmutableJWKSet<>(new JWKSet(key));
    }

    @Bean
    JwtDecoder jwtDecoder(JWKSource<SecurityContext> keys) {
        return OAuth2AuthorizationServerConfiguration.jwtDecoder(keys);
    }

    @Bean
    AuthorizationServerSettings settings() {
        return AuthorizationServerSettings.builder().build();
    }
}
