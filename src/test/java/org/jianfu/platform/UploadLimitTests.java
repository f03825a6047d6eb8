package org.jianfu.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Pattern;

import org.jianfu.account.Role;
import org.jianfu.test.Fixtures;
import org.jianfu.test.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * Uploads larger than the servlet container accepts at all, sent to the real Tomcat as a browser sends
 * them (the CSRF token in the multipart body): the person is sent back to the page with the message in
 * Chinese, never a container page, a 403 or a reset connection, and the server keeps answering.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
@ContextConfiguration(initializers = TestDatabase.Initializer.class)
@Import(Fixtures.class)
class UploadLimitTests {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final int MB = 1024 * 1024;

    @LocalServerPort int port;
    @Autowired Fixtures fixtures;
    @Autowired JdbcClient jdbc;

    @ParameterizedTest(name = "a file of {0} bytes")
    @ValueSource(ints = { 21 * MB + MB / 2, 23 * MB, 64 * MB })
    void anUploadOverTheContainersLimitGetsTheMessageInChineseOnThePageItCameFrom(int size) throws Exception {
        assertThat(sealUploadAnswer("seal.png", new byte[size])).contains("文件太大，未上传");
    }

    @Test
    void anUploadWhoseFileNameHoldsANulByteGetsAMessageInChineseAndIsNotStored() throws Exception {
        var seals = jdbc.sql("select count(*) from unit_seal").query(Long.class).single();
        assertThat(sealUploadAnswer("seal\0.png", new byte[] { (byte) 0x89, 'P', 'N', 'G' })).contains("上传的内容无法识别");
        assertThat(jdbc.sql("select count(*) from unit_seal").query(Long.class).single()).isEqualTo(seals);
    }

    /** Uploads a seal as a browser would and returns the page the person is sent back to, after checking the server still answers. */
    private String sealUploadAnswer(String fileName, byte[] content) throws Exception {
        var client = HttpClient.newBuilder().cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(10)).build();
        var admin = fixtures.account(Role.DISTRICT_APPROVER, fixtures.chaoyang()); // a seal is the unit's own approver's
        var login = client.send(get("/login"), HttpResponse.BodyHandlers.ofString());
        client.send(HttpRequest.newBuilder(url("/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + admin + "&password="
                        + URLEncoder.encode(Fixtures.STRONG_PASSWORD, StandardCharsets.UTF_8) + "&_csrf=" + csrf(login.body())))
                .build(), HttpResponse.BodyHandlers.discarding());
        var pagePath = "/units/" + fixtures.chaoyang().id();
        var page = client.send(get(pagePath), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);

        var boundary = "----jianfu" + System.nanoTime();
        var body = new ByteArrayOutputStream(content.length + 1024);
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf(page.body()) + "\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"seal\"; filename=\"" + fileName + "\"\r\n"
                + "Content-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        var upload = client.send(HttpRequest.newBuilder(url(pagePath + "/seal")).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("Referer", url(pagePath).toString())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(302);
        assertThat(upload.headers().firstValue("Location")).hasValue(url(pagePath).toString());
        var after = client.send(get(pagePath), HttpResponse.BodyHandlers.ofString());
        var health = client.send(get("/actuator/health"), HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("UP");
        return after.body();
    }

    private URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(url(path)).timeout(Duration.ofSeconds(30)).GET().build();
    }

    private static String csrf(String html) {
        var matcher = CSRF.matcher(html);
        assertThat(matcher.find()).as("a CSRF token on the page").isTrue();
        return matcher.group(1);
    }
}
